// Enabling notifications on this device. Permission is asked only after a tap on
// "enable notifications"; on iPhone/iPad Safari, push works only once Tipoff is on
// the Home Screen, so there we explain that first instead of asking.
import { api } from "./api.js";

export function isIos() {
  const ua = navigator.userAgent;
  return /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
}

export function isStandalone() {
  return window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
}

export function needsHomeScreen() {
  return isIos() && !isStandalone();
}

export function deviceName() {
  const ua = navigator.userAgent;
  if (/iPhone/.test(ua)) return "iPhone";
  if (/iPad/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)) return "iPad";
  if (/Android/.test(ua)) return /Mobile/.test(ua) ? "Android phone" : "Android tablet";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : "Browser";
  const system = /Windows/.test(ua) ? "Windows" : /Mac OS/.test(ua) ? "Mac" : /Linux/.test(ua) ? "Linux" : "computer";
  return `${browser} on ${system}`;
}

function keyBytes(base64url) {
  const padded = base64url + "===".slice((base64url.length + 3) % 4);
  const binary = atob(padded.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export const SUBSCRIBE_TIMEOUT_MS = 10_000;

function timeOut(ms) {
  return new Promise((_resolve, reject) =>
    setTimeout(
      () =>
        reject(
          new Error(
            "Enabling notifications took too long. Check that you are online, close and reopen " +
              "Tipoff (on iPhone: from the Home Screen), then tap again. If it keeps happening, " +
              "allow notifications for this site in your browser's settings.",
          ),
        ),
      ms,
    ),
  );
}

/** Ask for permission (call from a tap), subscribe, and register the device with the server.
 * Everything after the permission answer must finish within 10 s: a push service that never
 * answers would otherwise leave the button greyed out with no word. */
export async function enableNotifications(timeoutMs = SUBSCRIBE_TIMEOUT_MS) {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    throw new Error("This browser cannot show notifications from web apps.");
  }
  const permission = await Notification.requestPermission();
  if (permission === "denied") {
    throw new Error(
      "Notifications are blocked for Tipoff. Allow them in your browser's site settings, then tap again.",
    );
  }
  if (permission !== "granted") throw new Error("Notifications were not allowed.");
  return Promise.race([subscribeAndRegister(), timeOut(timeoutMs)]);
}

async function subscribeAndRegister() {
  const registration = await navigator.serviceWorker.ready;
  const { public_key: publicKey } = await api("GET", "/api/push/key");
  let subscription = await registration.pushManager.getSubscription();
  if (!subscription) {
    subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    });
  }
  const name = deviceName();
  const device = await api("POST", "/api/devices", { ...subscription.toJSON(), name });
  if (registration.active) {
    registration.active.postMessage({ type: "meta", key: "device-name", value: name });
  }
  return device;
}
