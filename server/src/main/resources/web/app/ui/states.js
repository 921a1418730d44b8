// Loading, empty and error states: every view that waits on the server shows one of these.
import { html } from '../lib/html.js';

export function Loading({ label = 'Loading…', lines = 0 }) {
  if (lines) {
    return html`<div class="grid" role="status" aria-busy="true" aria-label=${label}>
      ${Array.from({ length: lines }, (_, i) => html`<div class="skeleton" key=${i}></div>`)}
    </div>`;
  }
  return html`<div class="state" role="status" aria-live="polite"><div class="spinner" aria-hidden="true"></div><span>${label}</span></div>`;
}

export function Empty({ title, children }) {
  return html`<div class="state" data-state="empty"><h3>${title}</h3>${children && html`<div>${children}</div>`}</div>`;
}

// error: an ApiError (its problem's title and detail) or any Error
export function ErrorState({ error, retry }) {
  const problem = error?.problem || {};
  return html`<div class="state error" role="alert" data-state="error">
    <h3>${problem.title || 'Something went wrong'}</h3>
    <p>${problem.detail || error?.message || ''}</p>
    ${retry && html`<button class="button" onClick=${retry}>Try again</button>`}
  </div>`;
}
