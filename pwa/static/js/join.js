// Sign in, first-run setup and invite signup: one form posted to the JSON API.
import { api, busy, checkForm, formValues } from "./api.js";

function deviceTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch (error) {
    return "UTC";
  }
}

function safeNext(target) {
  return target && target.startsWith("/") && !target.startsWith("//") ? target : "/";
}

function wire(form) {
  const zone = form.querySelector('input[name="timezone"]');
  if (zone) {
    zone.value = deviceTimeZone();
    const note = document.getElementById("tz-note");
    if (note) note.textContent = `Time zone: ${zone.value} (from this device; change it later in Settings)`;
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = document.getElementById("form-error");
    if (!checkForm(form, error)) return;
    const done = await busy(form.querySelector("button[type=submit]"), error, () =>
      api("POST", form.dataset.endpoint, formValues(form)),
    );
    if (done) location.assign(safeNext(form.dataset.next));
  });
}

for (const form of document.querySelectorAll("form[data-endpoint]")) wire(form);
