// "This helped", "Not for this meeting" and flags on tip cards (brief page and tips feed).
import { api, busy, formValues, say } from "./api.js";

async function toggleHelped(card, button) {
  const helped = button.getAttribute("aria-pressed") !== "true";
  const tipId = Number(card.dataset.tip);
  const meetingId = card.dataset.meeting;
  await busy(button, null, async () => {
    // From a brief, "this helped" is feedback on that meeting (it counts as a vote and
    // curators see where a tip helped). Taking it back only withdraws the vote: a
    // "did not help" would also drop the tip from this brief, which a mis-tap must not do.
    const answer =
      helped && meetingId
        ? await api("POST", `/api/meetings/${meetingId}/feedback`, { tip_id: tipId, helpful: true })
        : await api(helped ? "POST" : "DELETE", `/api/tips/${tipId}/vote`);
    button.setAttribute("aria-pressed", String(helped));
    button.querySelector(".count").textContent = answer.helpful_count;
    say(helped ? "Thanks — marked as helpful." : "Vote taken back.");
  });
}

// "Not for this meeting": the tip leaves this brief, and the team's later briefs of this
// kind of meeting learn from it (core/ranking/learning.py).
async function notForThis(card, button) {
  const sent = await busy(button, null, () =>
    api("POST", `/api/meetings/${card.dataset.meeting}/feedback`, {
      tip_id: Number(card.dataset.tip),
      helpful: false,
    }),
  );
  if (sent) {
    const note = document.createElement("p");
    note.className = "muted not-for-note";
    note.textContent = "Noted — this tip will not show for this meeting again.";
    card.querySelector(".actions").replaceWith(note);
    card.classList.add("dismissed");
    say("Noted. Similar meetings will learn from it.");
  }
}

async function flag(card, form) {
  const { reason } = formValues(form);
  if (!reason) {
    say("Say what is wrong with this tip first.");
    form.querySelector("input").focus();
    return;
  }
  const sent = await busy(form.querySelector("button"), null, () =>
    api("POST", `/api/tips/${card.dataset.tip}/flags`, { reason }),
  );
  if (sent) {
    const note = document.createElement("span");
    note.className = "muted";
    note.textContent = "Flagged — a curator will look at it.";
    form.closest("details").replaceWith(note);
    say("Flag sent. Thank you.");
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest('button[data-action="vote"]');
  if (button) toggleHelped(button.closest("[data-tip]"), button);
  const notFor = event.target.closest('button[data-action="not-for"]');
  if (notFor) notForThis(notFor.closest("[data-tip]"), notFor);
});

document.addEventListener("submit", (event) => {
  const form = event.target.closest('form[data-action="flag"]');
  if (!form) return;
  event.preventDefault();
  flag(form.closest("[data-tip]"), form);
});
