// Compose: live character count, a server-rendered preview (the same sanitiser as the
// library), tag suggestions, and posting to the API.
import { api, busy, formValues, splitList } from "./api.js";

const form = document.getElementById("compose");
const body = document.getElementById("body");
const preview = document.getElementById("preview");
const toggle = document.getElementById("preview-toggle");
const tags = document.getElementById("tags");
let timer = 0;

async function refreshPreview() {
  if (preview.hidden) return;
  if (!body.value.trim()) {
    preview.textContent = "Nothing to preview yet.";
    return;
  }
  try {
    const { body_html: html } = await api("POST", "/api/compose/preview", { body: body.value });
    preview.innerHTML = html; // sanitised by the server (nh3), the same as stored tips
  } catch (error) {
    preview.textContent = error.message;
  }
}

body.addEventListener("input", () => {
  document.getElementById("count").textContent = body.value.length;
  clearTimeout(timer);
  timer = setTimeout(refreshPreview, 350);
});

toggle.addEventListener("click", () => {
  preview.hidden = !preview.hidden;
  toggle.setAttribute("aria-expanded", String(!preview.hidden));
  toggle.textContent = preview.hidden ? "Preview" : "Hide preview";
  refreshPreview();
});

for (const chip of document.querySelectorAll("button[data-tag]")) {
  chip.addEventListener("click", () => {
    const current = splitList(tags.value);
    if (!current.includes(chip.dataset.tag)) current.push(chip.dataset.tag);
    tags.value = current.join(", ");
    chip.setAttribute("aria-pressed", "true");
  });
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = document.getElementById("compose-error");
  const values = formValues(form);
  if (!values.body) {
    error.textContent = "Write your tip first.";
    body.focus();
    return;
  }
  const tip = await busy(form.querySelector("button[type=submit]"), error, () =>
    api("POST", "/api/tips", {
      title: values.title || null,
      body: values.body,
      tags: splitList(values.tags),
      accounts: splitList(values.accounts),
      // Written from a request it answers it; after a meeting it closes the debrief loop.
      request_id: form.dataset.request ? Number(form.dataset.request) : null,
      meeting_id: form.dataset.meeting ? Number(form.dataset.meeting) : null,
    }),
  );
  if (tip) {
    const meeting = form.dataset.meeting;
    location.assign(meeting ? `/m/${meeting}#tip-${tip.id}` : `/tips?posted=${tip.id}`);
  }
});
