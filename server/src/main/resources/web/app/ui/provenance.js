// Where a figure came from, on every figure: provider, as-of, staleness, DEMO for synthetic data,
// and a conflict marker when providers disagreed. Takes the provenance fields the API answers.
import { html } from '../lib/html.js';
import { relative, dateTime } from '../lib/format.js';

export function DemoBadge() {
  return html`<span class="badge demo" title="Synthetic demo data: not market facts">DEMO</span>`;
}

// source: { provider, asOf, fetchedAt, stale, demo, conflict? (text or true) }
export function Provenance({ source }) {
  if (!source) return null;
  const { provider, asOf, fetchedAt, stale, demo, conflict } = source;
  return html`<span class="badges" data-provenance>
    ${demo && html`<${DemoBadge} />`}
    ${provider && !(demo && provider === 'demo') && html`<span class="badge" title="Provider">${provider}</span>`}
    ${asOf && html`<span class="badge" title=${`As of ${dateTime(asOf)}`}>as of ${relative(asOf)}</span>`}
    ${stale
      ? html`<span class="badge stale" title=${fetchedAt ? `Fetched ${dateTime(fetchedAt)}; the provider did not answer since` : 'Stale'}>stale</span>`
      : fetchedAt && html`<span class="badge ok" title=${`Fetched ${dateTime(fetchedAt)}`}>fresh</span>`}
    ${conflict && html`<span class="badge conflict" title=${typeof conflict === 'string' ? conflict : 'Providers disagreed on this value'}>conflict</span>`}
  </span>`;
}
