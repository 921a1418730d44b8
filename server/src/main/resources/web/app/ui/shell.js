// The app shell: navigation, top bar (symbol search, palette, theme, account), the page, and the
// palette, shortcuts and toasts over everything. Pages render inside <main>.
import { html, useEffect, useRef, useState } from '../lib/html.js';
import { Component } from 'preact';
import { useStore } from '../lib/store.js';
import { location$, navigate, match } from '../lib/router.js';
import { routes } from '../routes.js';
import { me } from '../lib/session.js';
import { effectiveTheme, toggleTheme, theme } from '../lib/theme.js';
import { shortcut, shortcuts } from '../lib/keys.js';
import { Icon } from './icons.js';
import { Toasts } from './toast.js';
import { Palette, paletteOpen, registerCommands } from './palette.js';
import { Dialog } from './dialog.js';
import { SymbolSearch } from './symbol-search.js';
import { Loading, ErrorState } from './states.js';
import { signOut, signOutEverywhere } from './sign-out.js';
import { Notifications } from './notifications.js';

export function visibleRoutes(user) {
  return routes.filter((r) => !r.role || user?.roles?.includes(r.role));
}

export function findRoute(path) {
  for (const route of routes) {
    const params = match(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

const modules = new Map();
const loading = new Map();

// A route's module, asked for once: the first render asks at once rather than after the next
// paint (an effect runs only then), which the first load would wait for.
function loadPage(route) {
  if (!loading.has(route)) {
    const load = route.load();
    load.catch(() => loading.delete(route)); // a failed load may be tried again
    loading.set(route, load);
  }
  return loading.get(route);
}

function usePage(route) {
  const [state, setState] = useState({ route: null, Page: null, error: null });
  if (!modules.has(route)) loadPage(route);
  useEffect(() => {
    let live = true;
    const cached = modules.get(route);
    if (cached) { setState({ route, Page: cached, error: null }); return undefined; }
    setState({ route, Page: null, error: null });
    loadPage(route).then((module) => {
      modules.set(route, module.default);
      if (live) setState({ route, Page: module.default, error: null });
    }).catch((error) => live && setState({ route, Page: null, error }));
    return () => { live = false; };
  }, [route]);
  return state.route === route ? state : { route, Page: null, error: null };
}

class Boundary extends Component {
  constructor() { super(); this.state = { error: null }; }
  componentDidCatch(error) { this.setState({ error }); }
  render({ children }, { error }) {
    return error ? html`<${ErrorState} error=${error} retry=${() => this.setState({ error: null })} />` : children;
  }
}

// The moment the first page of this load has rendered and answers input: the first-load
// benchmark (FirstLoadBrowserTest) measures navigation start to this mark.
export const INTERACTIVE_MARK = 'sextant:interactive';

function markInteractive() {
  if (performance.getEntriesByName(INTERACTIVE_MARK, 'mark').length === 0) performance.mark(INTERACTIVE_MARK);
}

// Renders the page of a route (bare pages without the shell, e.g. sign-in).
export function PageView({ route, params }) {
  const { Page, error } = usePage(route);
  const where = useStore(location$);
  useEffect(() => { document.title = `${route.title} · Sextant`; }, [route]);
  useEffect(() => { if (Page) markInteractive(); }, [Page]);
  if (error) return html`<${ErrorState} error=${error} />`;
  if (!Page) return html`<${Loading} label=${`Loading ${route.title}…`} />`;
  return html`<${Boundary} key=${where.path}><${Page} params=${params} query=${where.query} route=${route} /><//>`;
}

function Nav({ user, path, open, onNavigate }) {
  const groups = new Map();
  for (const route of visibleRoutes(user).filter((r) => r.nav)) {
    if (!groups.has(route.nav)) groups.set(route.nav, []);
    groups.get(route.nav).push(route);
  }
  return html`<nav class=${`nav ${open ? 'open' : ''}`} aria-label="Main" id="main-nav">
    ${[...groups].map(([group, list]) => html`<div class="nav-group" key=${group}>
      <div class="nav-group-title" aria-hidden="true">${group}</div>
      <ul aria-label=${group}>
        ${list.map((r) => html`<li key=${r.path}>
          <a href=${r.path} onClick=${onNavigate} aria-current=${path === r.path || path.startsWith(`${r.path}/`) ? 'page' : undefined}>
            <${Icon} name=${r.icon} />${r.title}
          </a></li>`)}
      </ul>
    </div>`)}
  </nav>`;
}

function UserMenu({ user }) {
  const [open, setOpen] = useState(false);
  const box = useRef(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (e) => { if (!box.current?.contains(e.target)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return html`<div class="user-menu" ref=${box}>
    <button class="button ghost" aria-haspopup="menu" aria-expanded=${open ? 'true' : 'false'} onClick=${() => setOpen(!open)}>
      <${Icon} name="account" /><span class="visually-hidden">Account </span><span class="hide-narrow">${user?.username}</span>
    </button>
    ${open && html`<div class="menu" role="menu" aria-label="Account">
      <a role="menuitem" href="/account" onClick=${() => setOpen(false)}>Account and security</a>
      <button role="menuitem" onClick=${() => { setOpen(false); signOut(); }}>Sign out</button>
      <button role="menuitem" onClick=${() => { setOpen(false); signOutEverywhere(); }}>Sign out everywhere</button>
    </div>`}
  </div>`;
}

function ShortcutsHelp({ onClose }) {
  return html`<${Dialog} title="Keyboard shortcuts" onClose=${onClose}>
    <h2>Keyboard shortcuts</h2>
    <table class="table"><tbody>
      ${shortcuts().map((s) => html`<tr key=${s.keys}><td>${s.keys.split(' ').map((k) => html`<kbd key=${k}>${k.replace('mod+', 'Ctrl+')}</kbd> `)}</td><td>${s.description}</td></tr>`)}
    </tbody></table>
    <div class="dialog-actions"><button class="button" onClick=${onClose}>Close</button></div>
  <//>`;
}

export function Shell({ route, params }) {
  const user = useStore(me);
  const where = useStore(location$);
  useStore(theme);
  const [navOpen, setNavOpen] = useState(false);
  const [help, setHelp] = useState(false);
  const search = useRef(null);

  useEffect(() => {
    const offs = [
      shortcut('mod+k', 'Open the command palette', () => paletteOpen.set(!paletteOpen.get())),
      shortcut('/', 'Search symbols', () => search.current?.focus()),
      shortcut('?', 'Show keyboard shortcuts', () => setHelp(true)),
      shortcut('t', 'Switch light and dark theme', toggleTheme),
      ...visibleRoutes(user).filter((r) => r.keys).map((r) => shortcut(r.keys, `Go to ${r.title}`, () => navigate(r.path))),
    ];
    const off = registerCommands([
      ...visibleRoutes(user).filter((r) => r.nav).map((r) => ({ id: `page:${r.path}`, title: r.title, kind: 'Page', run: () => navigate(r.path) })),
      { id: 'action:theme', title: 'Switch light and dark theme', kind: 'Action', keywords: 'dark light mode', run: toggleTheme },
      { id: 'action:shortcuts', title: 'Keyboard shortcuts', kind: 'Action', keywords: 'help keys', run: () => setHelp(true) },
      { id: 'action:sign-out', title: 'Sign out', kind: 'Action', keywords: 'log out', run: signOut },
      { id: 'action:sign-out-everywhere', title: 'Sign out everywhere', kind: 'Action', keywords: 'log out all devices', run: signOutEverywhere },
    ]);
    return () => { offs.forEach((o) => o()); off(); };
  }, [user]);

  useEffect(() => setNavOpen(false), [where.path]);

  // On a phone the menu opens over the page: focus moves into it, and Escape closes it and
  // gives focus back to the menu button.
  const menuButton = useRef(null);
  useEffect(() => {
    if (!navOpen) return undefined;
    document.querySelector('#main-nav a')?.focus();
    const onKey = (event) => {
      if (event.key !== 'Escape') return;
      setNavOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navOpen]);

  const dark = effectiveTheme() === 'dark';
  return html`<div class="shell">
    <a class="skip-link" href="#main">Skip to content</a>
    <a class="brand" href="/markets"><img src=${import.meta.resolve('/assets/icon.svg')} alt="" />Sextant</a>
    <header class="topbar">
      <button class="button ghost icon menu-button" ref=${menuButton} aria-label="Menu" aria-controls="main-nav" aria-expanded=${navOpen ? 'true' : 'false'}
        onClick=${() => setNavOpen(!navOpen)}><${Icon} name="menu" /></button>
      <${SymbolSearch} inputRef=${search} onPick=${(r) => navigate(`/markets/${encodeURIComponent(r.symbol)}`)} />
      <div class="spacer"></div>
      <button class="button ghost hide-narrow" onClick=${() => paletteOpen.set(true)}>
        <${Icon} name="search" /><span class="visually-hidden">Command palette</span><kbd>Ctrl</kbd><kbd>K</kbd>
      </button>
      <button class="button ghost icon" onClick=${toggleTheme} aria-label=${dark ? 'Switch to light theme' : 'Switch to dark theme'}>
        <${Icon} name=${dark ? 'sun' : 'moon'} />
      </button>
      <${UserMenu} user=${user} />
    </header>
    <${Nav} user=${user} path=${where.path} open=${navOpen} onNavigate=${() => setNavOpen(false)} />
    <main class="main" id="main" tabindex="-1">
      <${PageView} route=${route} params=${params} />
    </main>
    <${Palette} onOpenSymbol=${(symbol) => navigate(`/markets/${encodeURIComponent(symbol)}`)} />
    ${help && html`<${ShortcutsHelp} onClose=${() => setHelp(false)} />`}
    <${Toasts} />
    <${Notifications} />
  </div>`;
}
