// Symbol search with autocomplete (a WAI-ARIA combobox): type a symbol or a name, arrow keys to
// choose, Enter to open. Used in the top bar and wherever a symbol is picked.
import { html, useEffect, useRef, useState, useId } from '../lib/html.js';
import { api } from '../lib/api.js';

export function searchSymbols(text, limit = 8, signal) {
  return api.get('/api/v1/search', { query: { q: text, limit }, quiet: true, signal }).then((r) => r.results);
}

export function SymbolSearch({ onPick, placeholder = 'Search symbols…', label = 'Search symbols', inputRef, autofocus = false }) {
  const [text, setText] = useState('');
  const [results, setResults] = useState([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const own = useRef(null);
  const input = inputRef || own;

  useEffect(() => {
    const query = text.trim();
    if (!query) { setResults([]); return undefined; }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchSymbols(query, 8, controller.signal)
        .then((found) => { setResults(found); setActive(0); setOpen(true); })
        .catch(() => {});
    }, 120);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [text]);

  const pick = (result) => {
    setOpen(false);
    setText('');
    onPick(result);
  };

  const onKeyDown = (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, results.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    else if (event.key === 'Enter') {
      event.preventDefault();
      if (results[active]) pick(results[active]);
      else if (text.trim()) pick({ symbol: text.trim().toUpperCase() });
    } else if (event.key === 'Escape') { setOpen(false); }
  };

  return html`<div class="combo">
    <input ref=${input} class="input" type="search" role="combobox" aria-label=${label} placeholder=${placeholder}
      aria-expanded=${open && results.length > 0 ? 'true' : 'false'} aria-controls=${listId} aria-autocomplete="list"
      aria-activedescendant=${open && results[active] ? `${listId}-${active}` : undefined}
      value=${text} autofocus=${autofocus} autocomplete="off" spellcheck="false"
      onInput=${(e) => setText(e.currentTarget.value)} onKeyDown=${onKeyDown}
      onFocus=${() => results.length && setOpen(true)} onBlur=${() => setTimeout(() => setOpen(false), 150)} />
    ${open && results.length > 0 && html`<ul class="combo-list" role="listbox" id=${listId} aria-label="Matching symbols">
      ${results.map((r, i) => html`<li role="option" id=${`${listId}-${i}`} key=${r.symbol} aria-selected=${i === active ? 'true' : 'false'}
          onMouseDown=${(e) => { e.preventDefault(); pick(r); }}>
        <span class="symbol">${r.symbol}</span><span class="name">${r.name}</span>
      </li>`)}
    </ul>`}
  </div>`;
}
