// Routes in the browser's address bar (History API): the server answers the same page at each of
// the app's paths, and this picks the page to show.
import { store } from './store.js';
import { html } from './html.js';

function current() {
  return { path: location.pathname, query: new URLSearchParams(location.search), hash: location.hash };
}

export const location$ = store(current());

export function navigate(to, { replace = false } = {}) {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  location$.set(current());
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => location$.set(current()));

// Same-origin clicks on plain links stay in the app; modified clicks open tabs as usual.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.target.closest?.('a[href]');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const target = new URL(anchor.href, location.href);
  if (target.origin !== location.origin || target.pathname.startsWith('/api/') || target.pathname.startsWith('/assets/')) return;
  event.preventDefault();
  navigate(target.pathname + target.search);
});

// '/markets/:symbol' against '/markets/AAPL' -> { symbol: 'AAPL' }, or null
export function match(pattern, path) {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

export function Link({ href, children, ...rest }) {
  return html`<a href=${href} ...${rest}>${children}</a>`;
}
