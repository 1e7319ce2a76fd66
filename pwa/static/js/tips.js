// "This helped", "Not for this meeting", "Outdated", flags, and tending (edit, delete, verify)
// on tip cards (brief page, tips feed, review page).
import { api, busy, formValues, say, splitList } from "./api.js";

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

// --- tending: outdated, verify, edit, delete (issue 17) --------------------------------

async function markOutdated(card, button) {
  if (!confirm("Mark this tip as outdated? Its owner will be asked to check it.")) return;
  const done = await busy(button, null, () =>
    api("POST", `/api/meetings/${card.dataset.meeting}/feedback`, {
      tip_id: Number(card.dataset.tip),
      helpful: false,
      reason: "outdated",
    }),
  );
  if (done) {
    button.disabled = true;
    button.textContent = "Marked outdated";
    say("Thanks — its owner will check it.");
  }
}

async function verify(card, button) {
  const done = await busy(button, null, () => api("POST", `/api/tips/${card.dataset.tip}/verify`));
  if (done) {
    card.classList.remove("stale");
    const note = card.querySelector(".stale-note");
    if (note) note.remove();
    button.textContent = "Verified";
    button.disabled = true;
    say("Verified: the next review is due later.");
  }
}

async function edit(card, form) {
  const values = formValues(form);
  const error = form.querySelector(".error");
  const changes = {
    title: values.title || "",
    body: values.body,
    tags: splitList(values.tags),
    accounts: splitList(values.accounts),
  };
  if (values.review_days) changes.review_days = Number(values.review_days);
  if (values.owner_id) changes.owner_id = Number(values.owner_id);
  if (!confirm("Save your changes to this tip?")) return;
  const tip = await busy(form.querySelector("button[type=submit]"), error, () =>
    api("PATCH", `/api/tips/${card.dataset.tip}`, changes),
  );
  if (tip) {
    say("Saved.");
    location.reload();
  }
}

async function remove(card, button) {
  if (!confirm("Delete this tip? It disappears from the library and from briefs.")) return;
  const done = await busy(button, card.querySelector(".tend .error"), () =>
    api("DELETE", `/api/tips/${card.dataset.tip}`),
  );
  if (done !== undefined) {
    card.remove();
    say("Tip deleted.");
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const card = button.closest("[data-tip]");
  if (button.dataset.action === "outdated") markOutdated(card, button);
  else if (button.dataset.action === "verify") verify(card, button);
  else if (button.dataset.action === "delete") remove(card, button);
});

document.addEventListener("submit", (event) => {
  const form = event.target.closest('form[data-action="edit"]');
  if (!form) return;
  event.preventDefault();
  edit(form.closest("[data-tip]"), form);
});
