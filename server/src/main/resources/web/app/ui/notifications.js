// Live notifications, anywhere in the app: a toast when one of the user's alerts fires (an `alert`
// message on the tab's stream), and the stream's state as a small badge for pages that show live data.
import { html, useEffect } from '../lib/html.js';
import { useStore, store } from '../lib/store.js';
import { onAlert, streamStatus } from '../lib/stream.js';
import { price } from '../lib/format.js';
import { toast } from './toast.js';

// The alerts that fired while this tab was open, newest first (pages refresh from it).
export const firedAlerts = store([]);

export function alertText(data) {
  const at = data.price === undefined || data.price === null ? '' : ` at ${price(data.price)}`;
  const source = data.demo ? 'DEMO data' : data.provider;
  return `${data.condition}${at}${source ? ` · ${source}` : ''}`;
}

// Mounted once by the shell: keeps the stream open while signed in and toasts each firing.
export function Notifications() {
  useEffect(() => onAlert((data) => {
    firedAlerts.set((list) => [data, ...list].slice(0, 50));
    toast(`Alert fired: ${data.symbol}`, alertText(data), 'success', 10000);
  }), []);
  return null;
}

const LABELS = {
  idle: ['Not connected', ''],
  connecting: ['Connecting…', 'info'],
  live: ['Live', 'ok'],
  offline: ['Offline, retrying', 'stale'],
};

// The stream's state: connecting, live or offline (retrying with backoff).
export function StreamBadge() {
  const status = useStore(streamStatus);
  const [label, kind] = LABELS[status] || LABELS.idle;
  return html`<span class=${`badge stream-badge ${kind}`} role="status" data-stream=${status}
      title="The live price stream of this tab">
    <span class="dot" aria-hidden="true"></span>${label}
  </span>`;
}
