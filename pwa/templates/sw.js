/* Tipoff service worker: one small named handler per event.
 *
 * Caches: the app shell (static files + the offline page, precached and
 * versioned), and the pages people need on the way to a meeting — Next up and
 * the briefs of upcoming meetings — fetched network-first and kept so they
 * open with no network. Push payloads carry a versioned `event` field:
 * {"event": "brief"|"test"|"withdraw"|"debrief"|"digest", "v": 1, "receipt": "…",
 *  "meeting": {id, title, start}, "tips": [...], "url": "/m/<id>"}
 * or a note {"event": "request"|"answer"|"review", "v": 1, "receipt", "title", "body", "tag", "url"}
 */
"use strict";

const VERSION = {{ version | tojson }};
const SHELL = {{ shell | tojson }};
const ICON = {{ icon | tojson }};
const BADGE = {{ badge | tojson }};
const SHELL_CACHE = `tipoff-shell-${VERSION}`;
const PAGES_CACHE = "tipoff-pages";
const META_CACHE = "tipoff-meta";
const MAX_PAGES = 60;
const BRIEF_PATH = /^\/m\/\d+$/;

self.addEventListener("install", onInstall);
self.addEventListener("activate", onActivate);
self.addEventListener("fetch", onFetch);
self.addEventListener("message", onMessage);
self.addEventListener("push", onPush);
self.addEventListener("notificationclick", onNotificationClick);
self.addEventListener("pushsubscriptionchange", onPushSubscriptionChange);
self.addEventListener("sync", onSync);

// --- install / activate: the app shell ------------------------------------------

function onInstall(event) {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()),
  );
}

function onActivate(event) {
  event.waitUntil(dropOldShells().then(() => self.clients.claim()));
}

async function dropOldShells() {
  for (const key of await caches.keys()) {
    if (key.startsWith("tipoff-shell-") && key !== SHELL_CACHE) await caches.delete(key);
  }
}

// --- fetch: static cache-first, pages network-first with a saved copy --------------

function onFetch(event) {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, url));
  }
}

async function cacheFirst(request) {
  return (await caches.match(request)) || fetch(request);
}

function isKept(url) {
  return url.pathname === "/" || url.pathname === "/compose" || BRIEF_PATH.test(url.pathname);
}

async function networkFirst(request, url) {
  try {
    const response = await fetch(request);
    if (isKept(url) && response.ok && !response.redirected) {
      await remember(url.pathname, response.clone());
    }
    return response;
  } catch (error) {
    const saved = isKept(url) ? await (await caches.open(PAGES_CACHE)).match(url.pathname) : null;
    return saved || (await caches.match("/offline")) || Response.error();
  }
}

async function remember(path, response) {
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(path, response); // replaces any older copy and moves it to the end

  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old);
}

const FRESH_MS = 10 * 60 * 1000; // Next up re-saves a brief at most this often

// How many forgets so far, and the count at each path's last one: a brief's page still being
// fetched when its meeting is withdrawn is dropped on arrival (pushes are not serialised).
let forgets = 0;
const forgotten = new Map();

async function saveBrief(path, freshFor = 0) {
  if (!BRIEF_PATH.test(path)) return;
  if (freshFor) {
    const saved = await (await caches.open(PAGES_CACHE)).match(path);
    const age = saved ? Date.now() - Date.parse(saved.headers.get("date") || "") : Infinity;
    if (age < freshFor) return;
  }
  const asked = forgets;
  const response = await fetch(path, { credentials: "same-origin" });
  if (!response.ok || response.redirected) return;
  await remember(path, response);
  // A withdraw that came while the page was on its way wins: take the copy out again.
  if (forgotten.get(path) > asked) await (await caches.open(PAGES_CACHE)).delete(path);
}

async function forget(path) {
  forgotten.set(path, ++forgets);
  await (await caches.open(PAGES_CACHE)).delete(path);
}

// --- messages from pages -------------------------------------------------------

function onMessage(event) {
  const message = event.data || {};
  if (message.type === "cache-briefs" && Array.isArray(message.urls)) {
    const urls = message.urls.slice(0, 20);
    event.waitUntil(Promise.allSettled(urls.map((url) => saveBrief(url, FRESH_MS))));
  } else if (message.type === "signed-out") {
    event.waitUntil(caches.delete(PAGES_CACHE).then(() => caches.delete(META_CACHE)));
  } else if (message.type === "meta" && typeof message.key === "string") {
    event.waitUntil(putMeta(message.key, String(message.value || "")));
  } else if (message.type === "queue-tip" && message.tip && event.ports[0]) {
    event.waitUntil(queueTip(message.tip).then((answer) => event.ports[0].postMessage(answer)));
  } else if (message.type === "flush-tips") {
    event.waitUntil(flushTips().catch(() => undefined)); // what is left waits for the next try
  }
}

// --- tips written offline: queued here, posted when the network is back --------------------

const TIP_QUEUE = "tip-queue";
const MAX_QUEUED = 20;

async function readQueue() {
  try {
    const list = JSON.parse((await getMeta(TIP_QUEUE)) || "[]");
    return Array.isArray(list) ? list : [];
  } catch (error) {
    return [];
  }
}

async function queueTip(tip) {
  const queue = (await readQueue()).slice(-(MAX_QUEUED - 1));
  queue.push({ tip, at: Date.now() });
  await putMeta(TIP_QUEUE, JSON.stringify(queue));
  let sync = false;
  if (self.registration.sync) {
    try {
      await self.registration.sync.register("post-tips");
      sync = true;
    } catch (error) {
      sync = false; // no Background Sync here: the next open posts it
    }
  }
  return { queued: queue.length, sync };
}

let flushing = null;

function flushTips() {
  // one flush at a time: a sync event and a page's message may arrive together
  flushing = flushing || postQueued().finally(() => (flushing = null));
  return flushing;
}

async function postQueued() {
  const queue = await readQueue();
  if (!queue.length) return;
  const left = [];
  let posted = 0;
  let offline = false;
  for (const item of queue) {
    if (offline) {
      left.push(item);
      continue;
    }
    try {
      const response = await fetch("/api/tips", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": await csrfToken() },
        body: JSON.stringify(item.tip),
      });
      if (response.ok) posted += 1;
      else if ([401, 403, 429].includes(response.status) || response.status >= 500) left.push(item);
      // any other answer (422): the tip can never be posted as it is; it is dropped
    } catch (error) {
      offline = true;
      left.push(item);
    }
  }
  await putMeta(TIP_QUEUE, JSON.stringify(left));
  if (posted) {
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    windows.forEach((client) => client.postMessage({ type: "tips-posted", count: posted }));
    if (!windows.length && self.Notification && Notification.permission === "granted") {
      await notify(
        posted === 1 ? "Your tip was posted" : `${posted} tips were posted`,
        { body: "Written offline, posted now that you are back online.", tag: "tips-posted" },
        "/tips",
        "posted",
      );
    }
  }
  if (offline || left.length) throw new Error("some tips are still waiting"); // sync retries
}

function onSync(event) {
  if (event.tag === "post-tips") event.waitUntil(flushTips());
}

async function putMeta(key, value) {
  await (await caches.open(META_CACHE)).put(`/__meta/${key}`, new Response(value));
}

async function getMeta(key) {
  const hit = await (await caches.open(META_CACHE)).match(`/__meta/${key}`);
  return hit ? hit.text() : "";
}

// --- push: one notification per meeting (tag = meeting id) --------------------------
// Every push ends in a visible notification: browsers take the permission away from
// sites that push silently (Safari on iOS after a few). After showing it, the worker
// reports a receipt ("shown"), and a tap reports "opened": the server learns what
// reached the phone and emails a brief nobody saw.

function onPush(event) {
  event.waitUntil(handlePush(readPayload(event)));
}

function readPayload(event) {
  try {
    return (event.data && event.data.json()) || {};
  } catch (error) {
    return { event: "unknown" };
  }
}

async function handlePush(payload) {
  try {
    await showFor(payload);
  } catch (error) {
    // whatever went wrong, something must be on screen
    await notify("Tipoff", { body: "Open Tipoff to see what is new.", tag: "tipoff" }, "/");
  }
  await sendReceipt(payload.receipt, "shown");
}

function showFor(payload) {
  switch (payload.event) {
    case "brief":
      return showBrief(payload);
    case "withdraw":
      return withdrawBrief(payload);
    case "debrief":
      return askDebrief(payload);
    case "digest":
      return showDigest(payload);
    case "test":
      return showTest(payload);
    case "request":
    case "answer":
    case "review":
      return showNote(payload);
    default:
      return notify("Tipoff", { body: "Open Tipoff to see what is new.", tag: "tipoff" }, "/");
  }
}

async function sendReceipt(receipt, event) {
  if (typeof receipt !== "string" || !receipt) return;
  try {
    // no cookie: the token is the only proof needed, and it proves nothing else
    await fetch("/api/push/receipts", {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ receipt, event }),
    });
  } catch (error) {
    // offline: the notification is shown all the same; the server may email a copy
  }
}

function notify(title, options, url, event, extra) {
  return self.registration.showNotification(title, {
    icon: ICON,
    badge: BADGE,
    lang: "en",
    ...options,
    data: { url: safePath(url), event: event || "other", ...(extra || {}) },
  });
}

function meetingTag(payload) {
  return String((payload.meeting && payload.meeting.id) || "tipoff");
}

function clock(iso) {
  const when = new Date(iso);
  return Number.isNaN(when.getTime())
    ? ""
    : when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

const BRIEF_ACTIONS = [
  { action: "helpful", title: "Helpful" },
  { action: "not-for-this", title: "Not for this" },
];

async function showBrief(payload) {
  const meeting = payload.meeting || {};
  const tips = Array.isArray(payload.tips) ? payload.tips : [];
  const lines = tips.slice(0, 3).map((tip) => `• ${tip.title || tip.body || ""}`.slice(0, 120));
  const head = [clock(meeting.start), `${tips.length} tip${tips.length === 1 ? "" : "s"}`]
    .filter(Boolean)
    .join(" · ");
  const url = payload.url || `/m/${meeting.id}`;
  const tipIds = tips.slice(0, 3).map((tip) => Number(tip.id)).filter(Number.isInteger);
  const canAct = tipIds.length > 0 && Number.isInteger(Number(meeting.id));
  const [shown] = await Promise.allSettled([
    notify(
      meeting.title || "Your next meeting",
      {
        body: [head, ...lines].join("\n"),
        tag: meetingTag(payload),
        renotify: true,
        ...(canAct ? { actions: BRIEF_ACTIONS } : {}),
      },
      url,
      "brief",
      { receipt: payload.receipt || "", meeting: Number(meeting.id) || 0, tips: tipIds },
    ),
    saveBrief(safePath(url)),
  ]);
  if (shown.status === "rejected") throw shown.reason; // handlePush shows a generic one
}

async function withdrawBrief(payload) {
  const tag = meetingTag(payload);
  const open = await self.registration.getNotifications({ tag });
  open.forEach((notification) => notification.close());
  await forget(`/m/${tag}`);
  // Always a quiet note in the brief's place (never a silent push): the server only
  // withdraws a brief the phone confirmed it showed, so this is about something seen.
  const title = (payload.meeting && payload.meeting.title) || "A meeting";
  await notify(
    `Cancelled: ${title}`,
    { body: "It is no longer in your calendar.", tag, silent: true },
    "/",
    "withdraw",
  );
}

function askDebrief(payload) {
  const meeting = payload.meeting || {};
  return notify(
    "What did you learn?",
    {
      body: `${meeting.title || "Your meeting"} just ended. Share a tip for the next person.`,
      tag: meetingTag(payload),
    },
    payload.url || `/compose?meeting=${meeting.id}`,
    "debrief",
    { receipt: payload.receipt || "" },
  );
}

function showDigest(payload) {
  const meetings = Array.isArray(payload.meetings) ? payload.meetings : [];
  const count = Number(payload.count) || meetings.length;
  const lines = meetings.slice(0, 4).map((m) => `${clock(m.start)} ${m.title || ""}`.trim());
  return notify(
    count === 1 ? "Today: 1 meeting with a brief" : `Today: ${count} meetings with briefs`,
    { body: lines.join("\n") || "Open Tipoff for today's meetings.", tag: "digest" },
    "/",
    "digest",
    { receipt: payload.receipt || "" },
  );
}

// A request for a tip, its answer, tips to review: the server wrote the words.
function showNote(payload) {
  return notify(
    payload.title || "Tipoff",
    { body: payload.body || "", tag: `note-${payload.tag || payload.event}` },
    payload.url || "/",
    payload.event,
    { receipt: payload.receipt || "" },
  );
}

function showTest(payload) {
  return notify(
    "Tipoff works",
    {
      body: `Briefs will arrive on ${(payload.device && payload.device.name) || "this device"} before your meetings.`,
      tag: "test",
    },
    payload.url || "/settings",
    "test",
    { receipt: payload.receipt || "" },
  );
}

// --- notificationclick: focus an open window, or open one; actions answer in place ---

function onNotificationClick(event) {
  event.notification.close();
  const data = event.notification.data || {};
  if (event.action === "helpful" || event.action === "not-for-this") {
    event.waitUntil(sendFeedback(data, event.action === "helpful"));
    return;
  }
  event.waitUntil(
    Promise.allSettled([sendReceipt(data.receipt, "opened"), focusOrOpen(safePath(data.url))]),
  );
}

async function sendFeedback(data, helpful) {
  // "Helpful" counts for the top tip; "Not for this" for every tip the brief showed.
  const tips = Array.isArray(data.tips) ? data.tips : [];
  const chosen = helpful ? tips.slice(0, 1) : tips;
  const headers = { "Content-Type": "application/json", "X-CSRFToken": await csrfToken() };
  const sent = await Promise.allSettled(
    chosen.map((tipId) =>
      fetch(`/api/meetings/${Number(data.meeting)}/feedback`, {
        method: "POST",
        credentials: "same-origin",
        headers,
        body: JSON.stringify({ tip_id: tipId, helpful }),
      }),
    ),
  );
  await sendReceipt(data.receipt, "opened");
  const ok = sent.every((r) => r.status === "fulfilled" && r.value.ok);
  await notify(
    ok ? "Thanks" : "Not sent",
    {
      body: ok
        ? helpful
          ? "Glad it helped: the author will know."
          : "Noted: briefs like this will come less often."
        : "Open Tipoff to give feedback on this brief.",
      tag: `feedback-${Number(data.meeting) || 0}`,
      silent: true,
    },
    data.url || "/",
    "feedback",
  );
}

function safePath(url) {
  return typeof url === "string" && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

async function focusOrOpen(path) {
  const target = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const same = windows.find((client) => client.url === target);
  if (same) return focusQuietly(same);
  for (const client of windows) {
    try {
      const moved = await client.navigate(target);
      if (moved) return focusQuietly(moved);
    } catch (error) {
      // not controlled by this worker: try the next one, or open a new window
    }
  }
  return self.clients.openWindow(target);
}

async function focusQuietly(client) {
  try {
    return await client.focus();
  } catch (error) {
    return client; // focusing needs the tap's user activation; the page is there all the same
  }
}

// --- pushsubscriptionchange: subscribe again and tell the server --------------------

function onPushSubscriptionChange(event) {
  event.waitUntil(resubscribe(event.newSubscription));
}

async function resubscribe(fresh) {
  let subscription = fresh;
  if (!subscription) {
    const key = await (await fetch("/api/push/key", { credentials: "same-origin" })).json();
    subscription = await self.registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlBytes(key.public_key),
    });
  }
  const name = (await getMeta("device-name")) || "This phone";
  await fetch("/api/devices", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": await csrfToken() },
    body: JSON.stringify({ ...subscription.toJSON(), name }),
  });
}

async function csrfToken() {
  if (self.cookieStore) {
    const cookie = await self.cookieStore.get("csrftoken");
    if (cookie) return cookie.value;
  }
  return getMeta("csrf");
}

function base64UrlBytes(text) {
  const base64 = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
