// People (admins): invite by email (one or a pasted list), search, change role,
// deactivate or reactivate, erase, revoke open invites.
import { api, busy, checkForm, formValues, say, showError } from "./api.js";

const $ = (id) => document.getElementById(id);

// --- inviting -----------------------------------------------------------------------

$("invite-one").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  if (!checkForm(form, $("invite-error"))) return;
  const values = formValues(form);
  const invite = await busy(form.querySelector("button[type=submit]"), $("invite-error"), () =>
    api("POST", "/api/invites", { email: values.email, role: values.role }),
  );
  if (!invite) return;
  $("invite-sent").hidden = false;
  $("invite-sent-text").textContent = `Invite emailed to ${invite.email}.`;
  $("invite-url").value = invite.url;
  form.reset();
  say(`Invite emailed to ${invite.email}.`);
});

const STATUS_TEXT = {
  sent: "invite sent",
  already_member: "already a member",
  invalid: "not a valid address",
};

$("invite-bulk").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  if (!checkForm(form, $("bulk-error"))) return;
  const values = formValues(form);
  const emails = values.emails.split(/[\s,;]+/).filter(Boolean);
  if (emails.length > 500) {
    showError($("bulk-error"), "At most 500 addresses at once.");
    return;
  }
  const report = await busy(form.querySelector("button[type=submit]"), $("bulk-error"), () =>
    api("POST", "/api/invites/bulk", { emails, role: values.role }),
  );
  if (!report) return;
  $("bulk-results").replaceChildren(
    ...report.results.map((result) => {
      const item = document.createElement("li");
      item.dataset.status = result.status;
      const text = STATUS_TEXT[result.status] || result.status;
      item.textContent = `${result.email}: ${text}${result.detail ? ` (${result.detail})` : ""}`;
      return item;
    }),
  );
  const sent = report.results.filter((r) => r.status === "sent").length;
  say(`${sent} invite${sent === 1 ? "" : "s"} sent.`);
});

// --- search as you type (the form also searches on the server) ---------------------------

$("people-q").addEventListener("input", (event) => {
  const needle = event.currentTarget.value.trim().toLowerCase();
  let shown = 0;
  for (const row of document.querySelectorAll("#people-list li[data-user]")) {
    row.hidden = needle !== "" && !row.dataset.search.includes(needle);
    if (!row.hidden) shown += 1;
  }
  $("people-count").textContent = String(shown);
});

// --- per person ------------------------------------------------------------------------

function setActive(row, active) {
  row.dataset.active = String(active);
  row.querySelector('[data-field="state"]').textContent = active ? "active" : "deactivated";
  const button = row.querySelector('button[data-action="deactivate"], button[data-action="reactivate"]');
  button.dataset.action = active ? "deactivate" : "reactivate";
  button.textContent = active ? "Deactivate" : "Reactivate";
}

document.addEventListener("change", async (event) => {
  const select = event.target.closest('select[data-action="role"]');
  if (!select) return;
  const row = select.closest("li");
  const name = row.querySelector("strong").textContent;
  const done = await busy(select, $("people-error"), () =>
    api("PATCH", `/api/users/${row.dataset.user}`, { role: select.value }),
  );
  if (done) {
    select.dataset.current = done.role;
    say(`${name} is now ${done.role}.`);
  } else {
    select.value = select.dataset.current; // refused (e.g. the last admin): put it back
  }
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const row = button.closest("li");
  const name = row.querySelector("strong") ? row.querySelector("strong").textContent : "";
  const actions = {
    deactivate: async () => {
      if (!confirm(`Deactivate ${name}? They are signed out everywhere at once; their calendars and devices are removed. Their tips stay.`)) return;
      await api("PATCH", `/api/users/${row.dataset.user}`, { active: false });
      setActive(row, false);
      say(`${name} is deactivated.`);
    },
    reactivate: async () => {
      await api("PATCH", `/api/users/${row.dataset.user}`, { active: true });
      setActive(row, true);
      say(`${name} can sign in again.`);
    },
    erase: async () => {
      if (!confirm(`Erase ${name} and all their data for good? Their tips stay, as "a former colleague"'s.`)) return;
      await api("DELETE", `/api/users/${row.dataset.user}`);
      row.remove();
      say(`${name} is erased.`);
    },
    "revoke-invite": async () => {
      await api("DELETE", `/api/invites/${row.dataset.invite}`);
      row.remove();
      say("Invite revoked: the link no longer works.");
    },
  };
  const action = actions[button.dataset.action];
  if (action) await busy(button, $("people-error"), action);
});
