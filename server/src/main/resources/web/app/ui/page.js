// The frame of a page: its title, a line under it, and its actions on the right.
import { html } from '../lib/html.js';

export function Page({ title, subtitle, actions, children, label }) {
  return html`<div class="page" data-page=${label || title}>
    <div class="page-header">
      <div><h1>${title}</h1>${subtitle && html`<div class="subtitle">${subtitle}</div>`}</div>
      ${actions && html`<div class="page-actions">${actions}</div>`}
    </div>
    ${children}
  </div>`;
}
