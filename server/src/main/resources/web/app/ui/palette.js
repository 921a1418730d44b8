// The command palette (Ctrl-K): pages, actions and symbols in one list, filtered as you type.
import { html, useEffect, useMemo, useRef, useState } from '../lib/html.js';
import { store, useStore } from '../lib/store.js';
import { Dialog } from './dialog.js';
import { searchSymbols } from './symbol-search.js';

export const paletteOpen = store(false);

// Commands any module may add: { id, title, kind ('Page' | 'Action' | ...), keywords?, run() }
const commands = store([]);

export function registerCommands(list) {
  commands.set((all) => [...all.filter((c) => !list.some((n) => n.id === c.id)), ...list]);
  return () => commands.set((all) => all.filter((c) => !list.includes(c)));
}

function score(command, text) {
  if (!text) return 1;
  const hay = `${command.title} ${command.keywords || ''}`.toLowerCase();
  const needle = text.toLowerCase();
  if (hay.startsWith(needle)) return 3;
  if (hay.includes(needle)) return 2;
  // every letter in order: "wl" finds "Watchlists"
  let at = 0;
  for (const ch of needle) {
    at = hay.indexOf(ch, at);
    if (at < 0) return 0;
    at++;
  }
  return 1;
}

export function Palette({ onOpenSymbol }) {
  const open = useStore(paletteOpen);
  if (!open) return null;
  return html`<${PaletteDialog} onOpenSymbol=${onOpenSymbol} />`;
}

function PaletteDialog({ onOpenSymbol }) {
  const all = useStore(commands);
  const [text, setText] = useState('');
  const [symbols, setSymbols] = useState([]);
  const [active, setActive] = useState(0);
  const input = useRef(null);
  const close = () => paletteOpen.set(false);

  useEffect(() => {
    const query = text.trim();
    if (!query || query.length > 50) { setSymbols([]); return undefined; }
    const controller = new AbortController();
    const timer = setTimeout(() => searchSymbols(query, 6, controller.signal).then(setSymbols).catch(() => {}), 100);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [text]);

  const items = useMemo(() => {
    const found = all.map((c) => [c, score(c, text.trim())]).filter(([, s]) => s > 0)
      .sort((a, b) => b[1] - a[1]).map(([c]) => c).slice(0, 12);
    const symbolItems = symbols.map((s) => ({ id: `symbol:${s.symbol}`, title: s.symbol, detail: s.name, kind: 'Symbol', run: () => onOpenSymbol(s.symbol) }));
    return [...symbolItems, ...found];
  }, [all, text, symbols]);

  useEffect(() => setActive(0), [text, symbols]);

  const run = (item) => {
    close();
    item.run();
  };
  const onKeyDown = (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setActive((a) => Math.min(a + 1, items.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    else if (event.key === 'Enter' && items[active]) { event.preventDefault(); run(items[active]); }
  };

  return html`<${Dialog} title="Command palette" onClose=${close} className="palette">
    <input ref=${input} class="input palette-input" autofocus placeholder="Type a symbol, a page or an action…"
      aria-label="Command" role="combobox" aria-expanded="true" aria-controls="palette-list"
      aria-activedescendant=${items[active] ? `palette-${active}` : undefined}
      value=${text} onInput=${(e) => setText(e.currentTarget.value)} onKeyDown=${onKeyDown} />
    ${items.length === 0
      ? html`<div class="empty">Nothing matches “${text}”.</div>`
      : html`<ul role="listbox" id="palette-list" aria-label="Commands">
          ${items.map((item, i) => html`<li role="option" id=${`palette-${i}`} key=${item.id} aria-selected=${i === active ? 'true' : 'false'}
              onMouseDown=${(e) => { e.preventDefault(); run(item); }} onMouseMove=${() => setActive(i)}>
            <span>${item.title}${item.detail && html` <span class="faint">${item.detail}</span>`}</span>
            <span class="kind">${item.kind}</span>
          </li>`)}
        </ul>`}
  <//>`;
}
