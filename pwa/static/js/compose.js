// Compose: live character count, a server-rendered preview (the same sanitiser as the
// library), tag suggestions, posting to the API — and a draft kept while you type, with
// offline posting: with no network the tip is queued in the service worker and posted
// when the network is back (Background Sync where the browser has it, else next open).
import { api, busy, formValues, say, splitList } from "./api.js";

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

// --- the draft: kept on this phone while you type, per meeting -----------------------

const DRAFT_KEY = `tipoff-draft:${form.dataset.meeting || "any"}`;
const FIELDS = ["title", "body", "tags", "accounts"];
const draftNote = document.getElementById("draft-note");

function saveDraft() {
  const values = formValues(form);
  const draft = Object.fromEntries(FIELDS.map((name) => [name, values[name] || ""]));
  try {
    if (draft.body || draft.title) {
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ ...draft, at: Date.now() }));
      draftNote.textContent = "Draft saved on this phone.";
    } else {
      localStorage.removeItem(DRAFT_KEY);
    }
  } catch (error) {
    // private mode or full storage: the tip still posts
  }
}

function restoreDraft() {
  let draft = null;
  try {
    draft = JSON.parse(localStorage.getItem(DRAFT_KEY) || "null");
  } catch (error) {
    draft = null;
  }
  if (!draft || body.value.trim()) return;
  for (const name of FIELDS) {
    if (draft[name]) form.elements[name].value = draft[name];
  }
  document.getElementById("count").textContent = body.value.length;
  const when = new Date(draft.at || Date.now());
  draftNote.textContent = `Your draft from ${when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })} is back.`;
}

function dropDraft() {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch (error) {
    // nothing kept
  }
}

restoreDraft();
form.addEventListener("input", () => {
  clearTimeout(form.draftTimer);
  form.draftTimer = setTimeout(saveDraft, 300);
});

// --- offline: hand the tip to the service worker ------------------------------------------

function askWorker(message) {
  return new Promise((resolve, reject) => {
    const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (!worker) {
      reject(new Error("offline and no service worker"));
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
    setTimeout(() => reject(new Error("the service worker did not answer")), 5000);
  });
}

async function queueOffline(tip) {
  const answer = await askWorker({ type: "queue-tip", tip });
  dropDraft();
  form.reset();
  document.getElementById("count").textContent = "0";
  const notice = document.getElementById("queued");
  notice.hidden = false;
  notice.textContent =
    answer && answer.sync
      ? `You are offline. Your tip is saved on this phone (${answer.queued} waiting) and will be posted as soon as you are back online.`
      : `You are offline. Your tip is saved on this phone (${answer.queued} waiting) and will be posted the next time you open Tipoff online.`;
  say(notice.textContent);
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
  const data = {
    title: values.title || null,
    body: values.body,
    tags: splitList(values.tags),
    accounts: splitList(values.accounts),
    // Written from a request it answers it; after a meeting it closes the debrief loop.
    request_id: form.dataset.request ? Number(form.dataset.request) : null,
    meeting_id: form.dataset.meeting ? Number(form.dataset.meeting) : null,
  };
  let offline = !navigator.onLine;
  const tip = offline
    ? null
    : await busy(form.querySelector("button[type=submit]"), error, async () => {
        try {
          return await api("POST", "/api/tips", data);
        } catch (failure) {
          if (failure.status === 0) offline = true; // no network: queue it below
          else throw failure;
          return null;
        }
      });
  if (offline) {
    error.textContent = "";
    try {
      await queueOffline(data);
    } catch (failure) {
      error.textContent = "You are offline and this browser cannot keep the tip: it stays here as a draft.";
    }
    return;
  }
  if (tip) {
    dropDraft();
    const meeting = form.dataset.meeting;
    location.assign(meeting ? `/m/${meeting}#tip-${tip.id}` : `/tips?posted=${tip.id}`);
  }
});
