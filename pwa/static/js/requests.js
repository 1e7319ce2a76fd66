// Asking colleagues for a tip, and closing a request.
import { api, busy, checkForm, formValues, say } from "./api.js";

const form = document.getElementById("ask");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = document.getElementById("ask-error");
  if (!checkForm(form, error)) return;
  const values = formValues(form);
  const made = await busy(form.querySelector("button[type=submit]"), error, () =>
    api("POST", "/api/requests", {
      account: values.account || null,
      topic: values.topic || null,
      note: values.note,
    }),
  );
  if (made) {
    say(`Asked ${made.asked} colleague${made.asked === 1 ? "" : "s"}.`);
    setTimeout(() => location.reload(), 800);
  }
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-close]");
  if (!button) return;
  if (!confirm("Close this request? Nobody can answer it afterwards.")) return;
  const done = await busy(button, null, () => api("POST", `/api/requests/${button.dataset.close}/close`));
  if (done) {
    button.closest("li").remove();
    say("Request closed.");
  }
});
