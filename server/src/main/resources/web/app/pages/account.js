// Placeholder: this page is being built (issue 15).
import { html } from '../lib/html.js';
import { Page } from '../ui/page.js';
import { Empty } from '../ui/states.js';

export default function Placeholder({ route }) {
  return html`<${Page} title=${route.title}><${Empty} title="Coming next">This page is being built.<//><//>`;
}
