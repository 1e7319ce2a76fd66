// Loaded on every page: the service worker, and keeping the briefs of upcoming meetings offline.
import { csrfToken } from "./api.js";

async function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    const ready = await navigator.serviceWorker.ready;
    const worker = ready.active;
    if (!worker) return;
    worker.postMessage({ type: "meta", key: "csrf", value: csrfToken() });
    const briefs = [...document.querySelectorAll("a[data-brief]")].map((a) => a.dataset.brief);
    if (briefs.length) worker.postMessage({ type: "cache-briefs", urls: briefs });
    // tips written offline wait in the worker: post them now if the network is back
    if (navigator.onLine) worker.postMessage({ type: "flush-tips" });
  } catch (error) {
    // The app works without a service worker; it just does not work offline.
  }
}

registerServiceWorker();

window.addEventListener("online", async () => {
  if (!("serviceWorker" in navigator)) return;
  const ready = await navigator.serviceWorker.ready;
  if (ready.active) ready.active.postMessage({ type: "flush-tips" });
});

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.type === "tips-posted" && data.count) {
      const status = document.getElementById("status");
      const text = `${data.count} tip${data.count === 1 ? "" : "s"} written offline ${data.count === 1 ? "was" : "were"} posted.`;
      if (status) status.textContent = text;
      const queued = document.getElementById("queued");
      if (queued) {
        queued.hidden = false;
        queued.textContent = text;
      }
    }
  });
}

// --- "in 35 min", "now", "ended": kept current while the page is open (or opened offline) ---

function statusLabel(start, end, now) {
  if (end <= now) return "ended";
  if (start <= now) return "now";
  const minutes = Math.floor((start - now) / 60000);
  if (minutes > 12 * 60) return "";
  if (minutes < 60) return `in ${Math.max(minutes, 1)} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `in ${hours} h ${rest} min` : `in ${hours} h`;
}

function refreshStatus() {
  const now = Date.now();
  for (const card of document.querySelectorAll("[data-start][data-end]")) {
    const label = statusLabel(Date.parse(card.dataset.start), Date.parse(card.dataset.end), now);
    const slot = card.querySelector("[data-status]");
    if (slot && slot.textContent !== label) slot.textContent = label;
    card.classList.toggle("ended", label === "ended");
  }
}
refreshStatus();
setInterval(refreshStatus, 30_000);

// --- a brief opened from the offline copy says when it was saved ----------------------------

function showSavedAt() {
  const note = document.getElementById("saved-at");
  if (!note) return;
  const saved = Date.parse(note.dataset.savedAt);
  if (Number.isNaN(saved)) return;
  const stale = Date.now() - saved > 2 * 60 * 1000;
  if (!stale && navigator.onLine) return;
  const when = new Date(saved);
  const day = when.toDateString() === new Date().toDateString() ? "" : `${when.toLocaleDateString([], { day: "numeric", month: "short" })} `;
  note.textContent = `Saved ${day}${when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}${navigator.onLine ? "" : " · you are offline"}: tips may have changed since.`;
  note.hidden = false;
}
showSavedAt();
