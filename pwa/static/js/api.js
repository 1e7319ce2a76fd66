// Talking to the JSON API from pages: the CSRF header, errors as readable messages.

/** The double-submit token: the csrftoken cookie, or the one the page was rendered with. */
export function csrfToken() {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
  if (cookie) return decodeURIComponent(cookie.slice("csrftoken=".length));
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

/** A readable sentence from an API error body ({"detail": string | [{msg, loc}]}). */
export function describe(body, status) {
  const detail = body && body.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail) && detail.length) {
    return detail
      .map((e) => {
        const field = (e.loc || []).filter((p) => p !== "body").join(" ");
        return field ? `${field}: ${e.msg}` : e.msg;
      })
      .join("; ");
  }
  if (status === 0) return "No connection. Try again when you are back online.";
  return `Something went wrong (HTTP ${status}).`;
}

/** How many times a "busy" answer (503 + Retry-After) is retried before it is shown. */
const BUSY_RETRIES = 3;

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Call the API; resolve with the JSON body (or null), reject with an Error carrying the message.
 *
 * A 503 with Retry-After means the server refused the request before doing anything (it is
 * busy, or its database is briefly away), so it is sent again after the advised pause, with
 * jitter so that a crowd of phones does not come back in step.
 */
export async function api(method, url, body) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") headers["X-CSRFToken"] = csrfToken();
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  for (let attempt = 0; ; attempt += 1) {
    try {
      response = await fetch(url, {
        method,
        headers,
        credentials: "same-origin",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw Object.assign(new Error(describe(null, 0)), { status: 0 });
    }
    const header = response.headers.get("Retry-After");
    const advised = header === null ? NaN : Number(header);
    if (response.status !== 503 || !(advised >= 0) || attempt >= BUSY_RETRIES) break;
    await pause(Math.min(advised, 10) * 1000 * (0.5 + Math.random()));
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (error) {
    data = null;
  }
  if (!response.ok) {
    throw Object.assign(new Error(describe(data, response.status)), { status: response.status });
  }
  return data;
}

/** Show a short message in the page's status line (announced by screen readers). */
export function say(message) {
  const status = document.getElementById("status");
  if (status) status.textContent = message;
}

/** Show an error next to a form (role=alert), or clear it. */
export function showError(element, message) {
  if (element) element.textContent = message || "";
}

/** The values of a form as an object of trimmed strings. */
export function formValues(form) {
  const values = {};
  for (const [key, value] of new FormData(form).entries()) {
    values[key] = typeof value === "string" ? value.trim() : value;
  }
  return values;
}

/** "a, b ,c" → ["a", "b", "c"] */
export function splitList(text) {
  return (text || "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Run an async action with its button disabled, reporting failure into `errorElement`. */
export async function busy(button, errorElement, action) {
  if (button) button.disabled = true;
  showError(errorElement, "");
  try {
    return await action();
  } catch (error) {
    showError(errorElement, error.message);
    if (!errorElement) say(error.message);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

/** The browser's own checks (required, min, type=email…), said next to the form; true if fine. */
export function checkForm(form, errorElement) {
  for (const input of form.querySelectorAll("input, select, textarea")) {
    if (!input.checkValidity()) {
      const label = input.labels && input.labels[0] ? input.labels[0].textContent.trim() : input.name;
      showError(errorElement, `${label}: ${input.validationMessage}`);
      input.focus();
      return false;
    }
  }
  return true;
}
