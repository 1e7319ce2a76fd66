// Settings: notifications on this device, calendars, profile, invites, sign out.
import { api, busy, checkForm, formValues, say, showError } from "./api.js";
import { enableNotifications, needsHomeScreen } from "./push.js";

const $ = (id) => document.getElementById(id);

// --- notifications ---------------------------------------------------------------

$("enable-push").addEventListener("click", async (event) => {
  if (needsHomeScreen()) {
    $("ios-install").hidden = false;
    $("ios-install").scrollIntoView({ behavior: "smooth", block: "center" });
    return;
  }
  const device = await busy(event.currentTarget, $("push-error"), enableNotifications);
  if (device) {
    say(`Notifications are on for ${device.name}.`);
    location.reload();
  }
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const row = button.closest("li");
  const actions = {
    "test-device": async () => {
      await api("POST", `/api/devices/${row.dataset.device}/test`);
      say("Test sent: it should appear on that device within a few seconds.");
    },
    "remove-device": async () => {
      await api("DELETE", `/api/devices/${row.dataset.device}`);
      row.remove();
      say("Device removed: it gets no more briefs.");
    },
    "sync-calendar": async () => {
      const result = await api("POST", `/api/calendars/${row.dataset.calendar}/sync`);
      if (result.last_error) throw new Error(`Could not sync: ${result.last_error}`);
      say(`Synced: ${result.added} added, ${result.updated} updated, ${result.removed} removed.`);
    },
    "remove-calendar": async () => {
      await api("DELETE", `/api/calendars/${row.dataset.calendar}`);
      row.remove();
      say("Calendar removed, with its meetings.");
    },
    "revoke-invite": async () => {
      await api("DELETE", `/api/invites/${row.dataset.invite}`);
      button.remove();
      row.querySelector(".muted").textContent = "revoked";
      say("Invite revoked: the link no longer works.");
    },
  };
  if (actions[button.dataset.action]) await busy(button, null, actions[button.dataset.action]);
});

// Say so when this device already has a push subscription.
async function showPushState() {
  if (!("serviceWorker" in navigator) || !("PushManager" in window)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = registration && (await registration.pushManager.getSubscription());
  if (subscription && Notification.permission === "granted") {
    const button = $("enable-push");
    button.textContent = "Notifications are on here (tap to renew)";
    button.classList.remove("primary");
  }
}
showPushState();

// What Tipoff shows in this device's notification tray right now: tap one to open it.
async function listShown() {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration || !registration.getNotifications) return;
  const shown = await registration.getNotifications();
  const list = $("shown-list");
  list.replaceChildren(
    ...shown.map((notification) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      const url = notification.data && notification.data.url;
      link.href = typeof url === "string" && url.startsWith("/") && !url.startsWith("//") ? url : "/";
      const icon = document.createElement("img");
      icon.src = notification.icon;
      icon.alt = "";
      icon.width = 40;
      icon.height = 40;
      const text = document.createElement("span");
      const title = document.createElement("strong");
      title.textContent = notification.title;
      const body = document.createElement("span");
      body.className = "small";
      body.textContent = notification.body;
      text.append(title, body);
      link.append(icon, text);
      item.append(link);
      return item;
    }),
  );
  $("shown").hidden = shown.length === 0;
}
listShown();

// --- calendars ---------------------------------------------------------------------

const connect = $("connect-calendar");
function showCalDav() {
  $("caldav-fields").hidden = formValues(connect).kind !== "caldav";
}
connect.addEventListener("change", showCalDav);
showCalDav();

connect.addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = $("calendar-error");
  const values = formValues(connect);
  const url = $("cal-url");
  if (!values.url) {
    showError(error, "Paste your calendar's link first.");
    url.focus();
    return;
  }
  if (!/^(https?|webcal):\/\//i.test(values.url)) {
    showError(error, "That is not a link: it should start with https:// or webcal://");
    url.focus();
    return;
  }
  const body =
    values.kind === "caldav"
      ? { kind: "caldav", url: values.url, username: values.username, password: values.password }
      : { url: values.url };
  say("Checking the calendar…");
  const created = await busy(connect.querySelector("button[type=submit]"), error, () =>
    api("POST", "/api/calendars", body),
  );
  if (created) {
    say("Connected.");
    location.assign("/");
  } else {
    say("");
  }
});

// --- profile -------------------------------------------------------------------------

const zone = (() => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return "";
  }
})();
if (zone && zone !== $("tz").value) {
  const button = $("use-device-tz");
  button.hidden = false;
  button.textContent = `Use this device's time zone (${zone})`;
  button.addEventListener("click", () => {
    $("tz").value = zone;
    button.hidden = true;
  });
}

$("profile-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  if (!checkForm(form, $("profile-error"))) return;
  const values = formValues(form);
  const saved = await busy(form.querySelector("button[type=submit]"), $("profile-error"), () =>
    api("PATCH", "/api/me", {
      name: values.name,
      lead_minutes: Number(values.lead_minutes),
      timezone: values.timezone,
      debrief_enabled: form.elements.debrief_enabled.checked,
      requests_enabled: form.elements.requests_enabled.checked,
      show_in_helpers: form.elements.show_in_helpers.checked,
      travel_minutes: Number(values.travel_minutes),
      brief_channel: values.brief_channel,
      fallback_minutes: Number(values.fallback_minutes),
      digest_at: values.digest_at || null,
      quiet_hours:
        values.quiet_start && values.quiet_end
          ? { start: values.quiet_start, end: values.quiet_end }
          : null,
    }),
  );
  if (saved) say("Saved.");
});

// --- invites (admins) --------------------------------------------------------------------

const inviteForm = $("invite-form");
if (inviteForm) {
  inviteForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = formValues(inviteForm);
    const invite = await busy(inviteForm.querySelector("button[type=submit]"), $("invite-error"), () =>
      api("POST", "/api/invites", { role: values.role, email: values.email || null }),
    );
    if (invite) {
      $("invite-link").hidden = false;
      $("invite-url").value = invite.url;
      $("invite-url").select();
      if (invite.emailed) $("invite-link-text").textContent = `Emailed to ${invite.email}. The link, should you need it (it works once, and is not shown again):`;
      say(invite.emailed ? `Invite emailed to ${invite.email}.` : "Invite link created.");
    }
  });
  $("copy-invite").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText($("invite-url").value);
      say("Link copied.");
    } catch (error) {
      $("invite-url").select();
      say("Select the link and copy it.");
    }
  });
}

// --- password and erasure -----------------------------------------------------------------

$("password-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  if (!checkForm(form, $("password-error"))) return;
  const values = formValues(form);
  const done = await busy(form.querySelector("button[type=submit]"), $("password-error"), () =>
    api("POST", "/api/me/password", values),
  );
  if (done !== undefined) {
    form.reset();
    say("Password changed. Your other browsers are signed out.");
  }
});

$("erase-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  if (!confirm("Delete your Tipoff account for good?")) return;
  const done = await busy(form.querySelector("button[type=submit]"), $("erase-error"), () =>
    api("DELETE", "/api/me", {
      password: form.elements.password.value || null,
      delete_tips: form.elements.delete_tips.checked,
    }),
  );
  if (done !== undefined) location.assign("/signin");
});

// --- sign out ----------------------------------------------------------------------------

$("sign-out").addEventListener("click", async (event) => {
  const done = await busy(event.currentTarget, null, () => api("POST", "/api/auth/logout"));
  if (done !== undefined) {
    const registration = "serviceWorker" in navigator && (await navigator.serviceWorker.getRegistration());
    if (registration && registration.active) registration.active.postMessage({ type: "signed-out" });
    location.assign("/signin");
  }
});
