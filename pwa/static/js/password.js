// "Forgot password" and the reset link's page: small forms posted to the JSON API.
import { api, busy, checkForm, formValues } from "./api.js";

const forgot = document.getElementById("forgot");
if (forgot) {
  forgot.addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = document.getElementById("form-error");
    if (!checkForm(forgot, error)) return;
    const done = await busy(forgot.querySelector("button[type=submit]"), error, () =>
      api("POST", "/api/auth/forgot", { email: formValues(forgot).email }),
    );
    if (done) {
      forgot.hidden = true;
      document.getElementById("forgot-sent").hidden = false;
    }
  });
}

const reset = document.getElementById("reset");
if (reset) {
  reset.addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = document.getElementById("form-error");
    if (!checkForm(reset, error)) return;
    const values = formValues(reset);
    const done = await busy(reset.querySelector("button[type=submit]"), error, () =>
      api("POST", "/api/auth/reset", { token: values.token, new_password: values.new_password }),
    );
    if (done) location.assign("/");
  });
}
