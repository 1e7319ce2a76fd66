// The curators' queue: restore or remove a flagged tip.
import { api, busy, say } from "./api.js";

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-decision]");
  if (!button) return;
  const card = button.closest("[data-tip]");
  const action = button.dataset.decision;
  const done = await busy(button, null, () =>
    api("POST", `/api/moderation/${card.dataset.tip}`, { action }),
  );
  if (done) {
    card.remove();
    say(action === "restore" ? "Restored: members see it again." : "Removed from the library.");
  }
});
