// Watchlists: the user's named symbol lists with live prices over the stream (each tick flashes
// its row up or down), kept in the user's order (move up/down), and the built-in universes.
import { html, useEffect, useLayoutEffect, useMemo, useRef, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { navigate } from '../lib/router.js';
import { persisted, useStore } from '../lib/store.js';
import { subscribe, streamLimits } from '../lib/stream.js';
import { price, signed, percent, direction } from '../lib/format.js';
import { useStyles } from '../lib/styles.js';
import { Page } from '../ui/page.js';
import { Loading, Empty, ErrorState } from '../ui/states.js';
import { Provenance } from '../ui/provenance.js';
import { Dialog, Confirm } from '../ui/dialog.js';
import { SymbolSearch } from '../ui/symbol-search.js';
import { StreamBadge } from '../ui/notifications.js';
import { Icon } from '../ui/icons.js';
import { toast } from '../ui/toast.js';

const selected$ = persisted('sextant.watchlists.selected', null);
let instrumentNames = null; // symbol -> name, loaded once per tab

function useNames() {
  const [names, setNames] = useState(instrumentNames || {});
  useEffect(() => {
    if (instrumentNames) return;
    api.get('/api/v1/instruments', { quiet: true }).then((r) => {
      instrumentNames = Object.fromEntries((r.instruments || []).map((i) => [i.symbol, i.name]));
      setNames(instrumentNames);
    }).catch(() => {});
  }, []);
  return names;
}

function timeOf(iso) {
  if (!iso) return '–';
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

// Quotes of the symbols: the batch read first, then every tick of the stream.
function useLiveQuotes(symbols) {
  const [quotes, setQuotes] = useState({});
  const key = symbols.join(',');
  useEffect(() => {
    if (!symbols.length) { setQuotes({}); return undefined; }
    let live = true;
    api.post('/api/v1/quotes', { symbols: symbols.slice(0, 100) }, { quiet: true })
      .then((r) => live && setQuotes((known) => {
        const next = { ...known };
        for (const q of r.quotes || []) if (q && !next[q.symbol]) next[q.symbol] = { quote: q, tick: 0, dir: '' };
        return next;
      }))
      .catch(() => {});
    const off = subscribe(symbols, (q) => {
      if (!live) return;
      setQuotes((known) => {
        const before = known[q.symbol];
        const dir = before ? direction(q.price - before.quote.price) : '';
        return { ...known, [q.symbol]: { quote: q, tick: (before?.tick || 0) + 1, dir: dir || before?.dir || '' } };
      });
    });
    return () => { live = false; off(); };
  }, [key]);
  return quotes;
}

// The last price, flashing green or red on each tick that moved it.
function PriceCell({ entry }) {
  const cell = useRef(null);
  const tick = entry?.tick || 0;
  useLayoutEffect(() => {
    const el = cell.current;
    if (!el || !tick || !entry.dir) return;
    el.classList.remove('flash-up', 'flash-down');
    void el.offsetWidth; // restart the animation
    el.classList.add(`flash-${entry.dir}`);
  }, [tick]);
  return html`<td class="num price-cell" ref=${cell} data-ticks=${tick} onAnimationEnd=${(e) => e.currentTarget.classList.remove('flash-up', 'flash-down')}>
    ${entry ? price(entry.quote.price) : '–'}
  </td>`;
}

function Row({ symbol, index, count, entry, name, onMove, onRemove }) {
  const q = entry?.quote;
  const dir = q ? direction(q.change) : '';
  const source = q && {
    provider: q.provider, demo: q.demo, stale: q.stale, fetchedAt: q.stale ? q.fetchedAt : undefined,
    conflict: q.conflict ? `${q.conflict.otherProvider} says ${price(q.conflict.otherPrice)}` : undefined,
  };
  return html`<tr data-symbol=${symbol}>
    <td class="symbol-cell">
      <a href=${`/markets/${encodeURIComponent(symbol)}`} class="symbol">${symbol}</a>
      ${name && html`<div class="instrument-name" title=${name}>${name}</div>`}
      ${q && html`<div class="narrow-source"><${Provenance} source=${source} /></div>`}
    </td>
    <${PriceCell} entry=${entry} />
    <td class=${`num ${dir}`}>${q ? signed(q.change) : '–'}</td>
    <td class=${`num ${dir}`}>${q && q.changePercent !== undefined && q.changePercent !== null ? percent(q.changePercent / 100, 2, true) : '–'}</td>
    <td class="num time-cell">${q ? html`<time datetime=${q.time}>${timeOf(q.time)}</time>` : '–'}</td>
    <td class="source-cell">${q ? html`<${Provenance} source=${source} />` : ''}</td>
    <td class="actions-cell">
      <div class="row-actions">
        <button class="button ghost icon small" aria-label=${`Move ${symbol} up`} disabled=${index === 0} onClick=${() => onMove(index, -1)}><${Icon} name="up" /></button>
        <button class="button ghost icon small" aria-label=${`Move ${symbol} down`} disabled=${index === count - 1} onClick=${() => onMove(index, 1)}><${Icon} name="down" /></button>
        <button class="button ghost icon small" aria-label=${`Remove ${symbol}`} onClick=${() => onRemove(symbol)}><${Icon} name="trash" /></button>
      </div>
    </td>
  </tr>`;
}

function NameDialog({ title, initial = '', confirmLabel, onSave, onClose }) {
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      await onSave(name.trim());
      onClose();
    } catch { setBusy(false); /* the toast says why */ }
  };
  return html`<${Dialog} title=${title} onClose=${onClose}>
    <form class="form" onSubmit=${submit}>
      <h2>${title}</h2>
      <div class="field">
        <label for="watchlist-name">Name</label>
        <input id="watchlist-name" class="input" value=${name} maxlength="100" required autofocus
          onInput=${(e) => setName(e.currentTarget.value)} />
      </div>
      <div class="dialog-actions">
        <button type="button" class="button" onClick=${onClose}>Cancel</button>
        <button type="submit" class="button primary" disabled=${busy || !name.trim()}>${confirmLabel}</button>
      </div>
    </form>
  <//>`;
}

function WatchlistView({ list, onChange, onRename, onDelete }) {
  const names = useNames();
  const limits = useStore(streamLimits);
  const quotes = useLiveQuotes(list.symbols);

  // Saves one at a time, in order: a quick second move must not be overtaken by the first's answer.
  const queue = useRef(Promise.resolve());
  const version = useRef(0);
  const confirmed = useRef(list);
  const save = (symbols) => {
    const mine = ++version.current;
    const run = queue.current.catch(() => {}).then(() => api.put(`/api/v1/me/watchlists/${list.id}`, { name: list.name, symbols }));
    queue.current = run;
    return run.then((saved) => {
      confirmed.current = saved;
      if (mine === version.current) onChange(saved);
      return saved;
    }, (error) => {
      if (mine === version.current) onChange(confirmed.current);
      throw error;
    });
  };
  const add = async (result) => {
    const symbol = result.symbol.toUpperCase();
    if (list.symbols.includes(symbol)) { toast(`${symbol} is already in ${list.name}`, '', 'info'); return; }
    try {
      await save([...list.symbols, symbol]);
    } catch { /* the toast says why */ }
  };
  const move = (index, by) => {
    const symbols = [...list.symbols];
    const [moved] = symbols.splice(index, 1);
    symbols.splice(index + by, 0, moved);
    onChange({ ...list, symbols });
    // Keep focus on the moved row's button so a keyboard user can go on moving it.
    requestAnimationFrame(() => {
      const name = (way) => `[aria-label="Move ${moved} ${way}"]:not([disabled])`;
      (document.querySelector(name(by < 0 ? 'up' : 'down')) || document.querySelector(name(by < 0 ? 'down' : 'up')))?.focus();
    });
    save(symbols).catch(() => {});
  };
  const remove = (symbol) => {
    const symbols = list.symbols.filter((s) => s !== symbol);
    onChange({ ...list, symbols });
    save(symbols).catch(() => {});
  };

  const over = limits && list.symbols.length > limits.symbols;
  return html`<section class="card watchlist" aria-labelledby="watchlist-title">
    <div class="card-header">
      <div class="watchlist-title">
        <h2 id="watchlist-title">${list.name}</h2>
        <span class="muted">${list.symbols.length} ${list.symbols.length === 1 ? 'symbol' : 'symbols'}</span>
      </div>
      <div class="page-actions">
        <button class="button small" onClick=${onRename}>Rename</button>
        <button class="button small danger" onClick=${onDelete}>Delete list</button>
      </div>
    </div>
    <div class="add-symbol">
      <${SymbolSearch} label=${`Add a symbol to ${list.name}`} placeholder="Add a symbol…" onPick=${add} />
    </div>
    ${over && html`<p class="notice warn">The stream carries ${limits.symbols} symbols per tab: the first ${limits.symbols} of this list are live, the rest show their last quote.</p>`}
    ${list.symbols.length === 0
      ? html`<${Empty} title="No symbols yet">Search for a symbol above to add it to this list.<//>`
      : html`<div class="table-wrap">
        <table class="table watchlist-table">
          <caption class="visually-hidden">${list.name}: live quotes</caption>
          <thead><tr>
            <th scope="col">Symbol</th>
            <th scope="col" class="num">Last</th>
            <th scope="col" class="num">Change</th>
            <th scope="col" class="num">Change <span class="unit">(%)</span></th>
            <th scope="col" class="num">Time</th>
            <th scope="col">Source</th>
            <th scope="col"><span class="visually-hidden">Order and removal</span></th>
          </tr></thead>
          <tbody>
            ${list.symbols.map((symbol, i) => html`<${Row} key=${symbol} symbol=${symbol} index=${i} count=${list.symbols.length}
              entry=${quotes[symbol]} name=${names[symbol]} onMove=${move} onRemove=${remove} />`)}
          </tbody>
        </table>
      </div>
      <p class="faint table-note">Change since the previous close. Prices tick live while the page is open.</p>`}
  </section>`;
}

function MyLists() {
  const [lists, setLists] = useState(null);
  const [error, setError] = useState(null);
  const selected = useStore(selected$);
  const [dialog, setDialog] = useState(null); // 'create' | 'rename' | 'delete'

  const load = () => {
    setError(null);
    api.get('/api/v1/me/watchlists', { quiet: true }).then((r) => setLists(r.watchlists)).catch(setError);
  };
  useEffect(load, []);

  if (error) return html`<${ErrorState} error=${error} retry=${load} />`;
  if (!lists) return html`<${Loading} label="Loading your watchlists…" />`;

  const current = lists.find((l) => l.id === selected) || lists[0];
  const replace = (saved) => setLists((all) => all.map((l) => (l.id === saved.id ? saved : l)));
  const create = async (name) => {
    const made = await api.post('/api/v1/me/watchlists', { name, symbols: [] });
    setLists((all) => [...all, made].sort((a, b) => a.name.localeCompare(b.name)));
    selected$.set(made.id);
  };
  const rename = async (name) => {
    replace(await api.put(`/api/v1/me/watchlists/${current.id}`, { name, symbols: current.symbols }));
  };
  const remove = async () => {
    try {
      await api.del(`/api/v1/me/watchlists/${current.id}`);
      setLists((all) => all.filter((l) => l.id !== current.id));
      toast(`Deleted ${current.name}`, '', 'success');
    } catch { /* the toast says why */ }
  };

  return html`<div class="watchlists-layout">
    <aside class="card list-picker" aria-label="Your watchlists">
      <div class="card-header">
        <h2>Lists</h2>
        <button class="button small primary" onClick=${() => setDialog('create')}><${Icon} name="plus" />New list</button>
      </div>
      ${lists.length === 0
        ? html`<p class="muted">No lists yet.</p>`
        : html`<ul class="list-links">
          ${lists.map((l) => html`<li key=${l.id}>
            <button class="list-link" aria-current=${current && l.id === current.id ? 'true' : undefined} onClick=${() => selected$.set(l.id)}>
              <span>${l.name}</span><span class="count">${l.symbols.length}</span>
            </button>
          </li>`)}
        </ul>`}
    </aside>
    ${current
      ? html`<${WatchlistView} key=${current.id} list=${current} onChange=${replace}
          onRename=${() => setDialog('rename')} onDelete=${() => setDialog('delete')} />`
      : html`<section class="card"><${Empty} title="No watchlists yet">
          Create a list to follow its symbols' prices live.
          <div class="empty-action"><button class="button primary" onClick=${() => setDialog('create')}>Create a watchlist</button></div>
        <//></section>`}
    ${dialog === 'create' && html`<${NameDialog} title="New watchlist" confirmLabel="Create" onSave=${create} onClose=${() => setDialog(null)} />`}
    ${dialog === 'rename' && current && html`<${NameDialog} title="Rename watchlist" initial=${current.name} confirmLabel="Rename" onSave=${rename} onClose=${() => setDialog(null)} />`}
    ${dialog === 'delete' && current && html`<${Confirm} title=${`Delete ${current.name}?`} danger confirmLabel="Delete"
        message=${`The list and its ${current.symbols.length} symbols are deleted. This cannot be undone.`}
        onConfirm=${remove} onClose=${() => setDialog(null)} />`}
  </div>`;
}

function Universes() {
  const [universes, setUniverses] = useState(null);
  const [error, setError] = useState(null);
  const [open, setOpen] = useState(null);
  const [members, setMembers] = useState(null);
  const names = useNames();

  useEffect(() => {
    api.get('/api/v1/universes', { quiet: true })
      .then((r) => {
        const builtIn = r.universes.filter((u) => u.builtIn);
        setUniverses(builtIn);
        if (builtIn.length) setOpen(builtIn[0].name);
      })
      .catch(setError);
  }, []);
  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    setMembers(null);
    api.get(`/api/v1/universes/${encodeURIComponent(open)}`).then((u) => live && setMembers(u)).catch(() => live && setMembers({ symbols: [] }));
    return () => { live = false; };
  }, [open]);

  if (error) return html`<${ErrorState} error=${error} />`;
  if (!universes) return html`<${Loading} label="Loading universes…" />`;
  const shown = universes.find((u) => u.name === open);
  return html`<div class="watchlists-layout">
    <aside class="card list-picker" aria-label="Universes">
      <div class="card-header"><h2>Universes</h2></div>
      <ul class="list-links">
        ${universes.map((u) => html`<li key=${u.name}>
          <button class="list-link" aria-current=${u.name === open ? 'true' : undefined} onClick=${() => setOpen(u.name)}>
            <span>${u.name}</span><span class="count">${u.size}</span>
          </button>
        </li>`)}
      </ul>
    </aside>
    <section class="card" aria-labelledby="universe-title">
      <div class="card-header">
        <div class="watchlist-title"><h2 id="universe-title">${open}</h2>${shown && html`<span class="muted">${shown.size} symbols · read-only</span>`}</div>
      </div>
      ${shown?.description && html`<p class="muted universe-description">${shown.description}</p>`}
      ${!members
        ? html`<${Loading} lines=${3} label="Loading members…" />`
        : members.symbols.length === 0
          ? html`<${Empty} title="No members">This universe holds no symbols on this server.<//>`
          : html`<ul class="members" aria-label=${`Members of ${open}`}>
              ${members.symbols.map((s) => html`<li key=${s}><a class="member" href=${`/markets/${encodeURIComponent(s)}`}>
                <span class="symbol">${s}</span>${names[s] && html`<span class="instrument-name">${names[s]}</span>`}
              </a></li>`)}
            </ul>`}
    </section>
  </div>`;
}

export default function Watchlists({ query }) {
  useStyles('/assets/app/styles/watchlists.css');
  const view = query?.get('view') === 'universes' ? 'universes' : 'lists';
  const show = (next) => {
    const url = next === 'universes' ? '/watchlists?view=universes' : '/watchlists';
    navigate(url, { replace: true });
  };
  const tabs = useMemo(() => [['lists', 'My watchlists'], ['universes', 'Universes']], []);
  return html`<${Page} title="Watchlists" subtitle="Your lists with live prices, and the built-in universes" actions=${html`<${StreamBadge} />`}>
    <div class="tabs" role="tablist" aria-label="Watchlist views">
      ${tabs.map(([id, label]) => html`<button role="tab" key=${id} id=${`tab-${id}`} aria-selected=${view === id ? 'true' : 'false'}
          aria-controls="watchlists-panel" tabindex=${view === id ? 0 : -1} onClick=${() => show(id)}
          onKeyDown=${(e) => { if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') { e.preventDefault(); const other = id === 'lists' ? 'universes' : 'lists'; show(other); requestAnimationFrame(() => document.getElementById(`tab-${other}`)?.focus()); } }}>${label}</button>`)}
    </div>
    <div id="watchlists-panel" role="tabpanel" aria-labelledby=${`tab-${view}`}>
      ${view === 'lists' ? html`<${MyLists} />` : html`<${Universes} />`}
    </div>
  <//>`;
}
