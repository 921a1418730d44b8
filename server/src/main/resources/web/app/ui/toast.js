// Toasts: short notices in a corner, announced to screen readers. Errors stay until dismissed.
import { html } from '../lib/html.js';
import { store, useStore } from '../lib/store.js';

const toasts = store([]);
let next = 1;

// kind: 'info' | 'success' | 'warn' | 'error'
export function toast(title, detail = '', kind = 'info', ttl = kind === 'error' ? 0 : 5000) {
  const id = next++;
  toasts.set((list) => [...list.slice(-4), { id, title, detail, kind }]);
  if (ttl) setTimeout(() => dismiss(id), ttl);
  return id;
}

export function dismiss(id) {
  toasts.set((list) => list.filter((t) => t.id !== id));
}

// An ApiError (or any Error) as the server stated it: the problem's title and detail.
export function showProblem(error) {
  const problem = error.problem || {};
  toast(problem.title || 'Something went wrong', problem.detail || error.message || '', 'error');
}

export function Toasts() {
  const list = useStore(toasts);
  return html`
    <div class="toasts" role="region" aria-label="Notifications">
      <div aria-live="polite" aria-atomic="false">
        ${list.map((t) => html`
          <div class=${`toast ${t.kind}`} role=${t.kind === 'error' ? 'alert' : 'status'} key=${t.id} data-toast=${t.kind}>
            <div>
              <div class="title">${t.title}</div>
              ${t.detail && html`<div class="detail">${t.detail}</div>`}
            </div>
            <button class="button ghost small" aria-label="Dismiss notification" onClick=${() => dismiss(t.id)}>✕</button>
          </div>`)}
      </div>
    </div>`;
}
