// The curators' queue: keep a flagged tip (dismiss its flags) or remove it (after a confirmation).
import { api, busy, say } from "./api.js";

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-decision]");
  if (!button) return;
  const card = button.closest("[data-tip]");
  const action = button.dataset.decision;
  if (action === "remove" && !confirm("Remove this tip from the library? Members will no longer see it.")) {
    return;
  }
  const done = await busy(button, null, () =>
    api("POST", `/api/moderation/${card.dataset.tip}`, { action }),
  );
  if (done) {
    card.remove();
    say(action === "keep" ? "Kept: the flags are dismissed." : "Removed from the library.");
  }
});
