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
  } catch (error) {
    // The app works without a service worker; it just does not work offline.
  }
}

registerServiceWorker();
