// The FK-DSL editor: a <textarea> the user types in, over a <pre> that draws the same text with
// its tokens coloured (keywords, metrics, symbols, numbers, strings, comments), line numbers, the
// marker of an error at its line and column, and an autocomplete list at the caret.
//
// The two layers share font, padding and scroll, so each character of the highlight sits under
// the character typed. The textarea keeps every native editing behaviour (undo, selection, IME).
import { html, useEffect, useLayoutEffect, useMemo, useRef, useState, useId } from '../lib/html.js';

// Words of the language that are neither metrics nor symbols.
export const KEYWORDS = new Set([
  'EVALUATE', 'COMPARE', 'SCAN', 'CORRELATE', 'REGRESS', 'MACRO', 'FIND', 'ANALYZE', 'ANALYSE', 'GET', 'TRACK',
  'WHERE', 'ORDER', 'BY', 'ASC', 'DESC', 'LIMIT', 'ON', 'VS', 'WITH', 'OVER', 'WINDOW', 'AS', 'OF', 'FROM', 'TO',
  'AND', 'OR', 'BETWEEN', 'ABOVE', 'BELOW', 'IS', 'TREND', 'SIGNAL', 'FOR', 'WHEN',
]);
export const STATEMENTS = ['EVALUATE', 'COMPARE', 'SCAN', 'CORRELATE', 'REGRESS', 'MACRO', 'FIND', 'ANALYZE', 'GET', 'TRACK'];
const CONSTANTS = new Set(['BULLISH', 'BEARISH', 'NEUTRAL', 'BUY', 'SELL', 'HOLD', 'REGRESSION', 'CORRELATION', 'IMPACT',
  'CAUSALITY', 'TECHNICALS', 'FUNDAMENTALS', 'SENTIMENT', 'CORRELATIONS', 'RISK', 'OHLCV', 'NEWS', '1D', '1WK', '1W', '1MO']);

const wordPart = /[A-Za-z0-9\-.^_=]/;

// The text as tokens { kind, text, start, end, line, column } (1-based line and column, as the
// server reports them). kind: keyword | metric | symbol | constant | number | date | string |
// comment | operator | punct | space. `metrics` is a Set of upper-case metric names.
export function tokenize(text, metrics = new Set()) {
  const tokens = [];
  let i = 0;
  let line = 1;
  let column = 1;
  const push = (kind, end) => {
    tokens.push({ kind, text: text.slice(i, end), start: i, end, line, column });
    column += end - i;
    i = end;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      tokens.push({ kind: 'space', text: c, start: i, end: i + 1, line, column });
      i++; line++; column = 1;
      continue;
    }
    if (/\s/.test(c)) {
      let end = i;
      while (end < text.length && text[end] !== '\n' && /\s/.test(text[end])) end++;
      push('space', end);
      continue;
    }
    if ((c === '-' && text[i + 1] === '-') || c === '#') {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      push('comment', end);
      continue;
    }
    if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== c && text[end] !== '\n') end++;
      push('string', Math.min(end + 1, text.length));
      continue;
    }
    if (c === '-' && text[i + 1] === '>') { push('operator', i + 2); continue; }
    if (c === '→') { push('operator', i + 1); continue; }
    if ('<>=!'.includes(c)) { push('operator', text[i + 1] === '=' && c !== '=' ? i + 2 : i + 1); continue; }
    if ('*/+%'.includes(c)) { push('operator', i + 1); continue; }
    if ('(),:;.'.includes(c) && !(c === '.' && /\d/.test(text[i + 1] || ''))) { push('punct', i + 1); continue; }
    const negative = c === '-' && /[\d.]/.test(text[i + 1] || '');
    if (negative || /\d/.test(c) || (c === '.' && /\d/.test(text[i + 1] || ''))) {
      let end = negative ? i + 1 : i;
      while (end < text.length && /[\d.]/.test(text[end])) end++;
      if (!negative && text[end] === '-' && /\d/.test(text[end + 1] || '')) {
        while (end < text.length && /[\d-]/.test(text[end])) end++;
        push('date', end);
        continue;
      }
      if (/[dwmyDWMY]/.test(text[end] || '') && !/[A-Za-z0-9]/.test(text[end + 1] || '')) end++;
      else if (/[A-Za-z]/.test(text[end] || '')) { // an interval such as 1wk, 1mo
        while (end < text.length && /[A-Za-z]/.test(text[end])) end++;
      }
      push('number', end);
      continue;
    }
    if (/[A-Za-z^_]/.test(c)) {
      let end = i;
      while (end < text.length && wordPart.test(text[end]) && !(text[end] === '-' && text[end + 1] === '>')) end++;
      const word = text.slice(i, end);
      const upper = word.toUpperCase();
      // universe:NAME and watchlist:NAME read as one name
      if ((upper === 'UNIVERSE' || upper === 'WATCHLIST') && text[end] === ':') {
        let stop = end + 1;
        while (stop < text.length && wordPart.test(text[stop])) stop++;
        push('constant', stop);
        continue;
      }
      const dot = upper.indexOf('.');
      const base = dot > 0 ? upper.slice(0, dot) : upper;
      let kind = 'symbol';
      if (tokens.length && tokens[tokens.length - 1].text === '.') kind = 'metric'; // an output: MACD(12,26,9).signal
      else if (KEYWORDS.has(upper)) kind = 'keyword';
      else if (metrics.has(upper) || (dot > 0 && metrics.has(base))) kind = 'metric';
      else if (CONSTANTS.has(upper)) kind = 'constant';
      push(kind, end);
      continue;
    }
    push('punct', i + 1);
  }
  return tokens;
}

// The text the server is sent: comments (a console convenience, not part of FK-DSL) become
// spaces, so every line and column the server reports is still the editor's.
export function withoutComments(text) {
  return tokenize(text).map((t) => (t.kind === 'comment' ? ' '.repeat(t.text.length) : t.text)).join('');
}

// 1-based line and column of an offset.
export function position(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  return Math.min(offset + column - 1, end < 0 ? text.length : end);
}

// The spans of the highlight, with the error's token (or a one-character marker where the error
// points past the text) wrapped in a <mark> that carries the reported line and column.
function Highlight({ tokens, text, error }) {
  const at = error ? offsetOf(text, error.line, error.column) : -1;
  const out = [];
  let marked = false;
  const mark = (content, key) => html`<mark class="tok-error" key=${key} data-error-marker data-line=${error.line} data-column=${error.column}>${content}</mark>`;
  tokens.forEach((t, n) => {
    if (!marked && at >= t.start && at < t.end && t.kind !== 'space') {
      marked = true;
      const head = text.slice(t.start, at);
      const body = text.slice(at, t.end);
      if (head) out.push(html`<span class=${`tok-${t.kind}`} key=${`${n}h`}>${head}</span>`);
      out.push(mark(html`<span class=${`tok-${t.kind}`}>${body}</span>`, n));
      return;
    }
    if (!marked && at >= t.start && at < t.end) {
      // the error points at white space (or the end of a line): mark the one character there
      marked = true;
      const head = text.slice(t.start, at);
      if (head) out.push(html`<span key=${`${n}h`}>${head}</span>`);
      out.push(mark(text[at] === '\n' ? ' ' : text[at], n));
      const tail = text.slice(at + 1, t.end);
      if (text[at] === '\n') out.push('\n');
      if (tail) out.push(html`<span key=${`${n}t`}>${tail}</span>`);
      return;
    }
    out.push(t.kind === 'space' ? t.text : html`<span class=${`tok-${t.kind}`} key=${n}>${t.text}</span>`);
  });
  if (error && !marked) out.push(mark(' ', 'end'));
  // a trailing newline needs a character after it, or the <pre> is one line shorter than the textarea
  out.push('\n');
  return out;
}

// value, onChange(text), onRun(), error: { line, column } | null, describedBy: id of the error
// message, complete(context) -> Promise<[{ label, insert, detail, kind }]>, label
export function Editor({ value, onChange, onRun, error, describedBy, complete, label = 'Query', metrics, hint, inputRef }) {
  const own = useRef(null);
  const area = inputRef || own;
  const pre = useRef(null);
  const gutter = useRef(null);
  const probe = useRef(null);
  const listId = useId();
  const [popup, setPopup] = useState(null); // { items, active, from, to, top, left }
  const [cell, setCell] = useState({ width: 8.4, height: 21 });
  const tokens = useMemo(() => tokenize(value, metrics), [value, metrics]);
  const lines = value.split('\n').length;
  const request = useRef(0);

  useLayoutEffect(() => {
    const box = probe.current?.getBoundingClientRect();
    if (box && box.width) setCell({ width: box.width / 10, height: box.height });
  }, []);

  const sync = () => {
    if (!area.current) return;
    if (pre.current) { pre.current.scrollTop = area.current.scrollTop; pre.current.scrollLeft = area.current.scrollLeft; }
    if (gutter.current) gutter.current.scrollTop = area.current.scrollTop;
  };
  useLayoutEffect(sync, [value, error]);

  // Bring the error's line into view when a run reports one.
  useEffect(() => {
    if (!error || !area.current) return;
    const top = (error.line - 1) * cell.height;
    const box = area.current;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - cell.height * 2) box.scrollTop = Math.max(0, top - cell.height * 2);
    sync();
  }, [error]);

  const close = () => setPopup(null);

  // The word being typed before the caret, and where it starts.
  const wordAt = (text, caret) => {
    let from = caret;
    while (from > 0 && /[A-Za-z0-9\-.^_:]/.test(text[from - 1])) from--;
    // "universe:" keeps its colon; "EVALUATE AAPL:" does not
    let word = text.slice(from, caret);
    if (word.includes(':') && !/^(universe|watchlist):/i.test(word)) {
      from += word.lastIndexOf(':') + 1;
      word = text.slice(from, caret);
    }
    return { from, word };
  };

  const suggest = async (explicit) => {
    const box = area.current;
    if (!box || !complete) return;
    const caret = box.selectionStart;
    if (caret !== box.selectionEnd) { close(); return; }
    const text = box.value;
    const { from, word } = wordAt(text, caret);
    if (!explicit && word.length === 0) { close(); return; }
    const ticket = ++request.current;
    const items = await complete({ text, caret, from, word, explicit });
    if (ticket !== request.current || document.activeElement !== box) return;
    if (!items.length || (!explicit && items.length === 1 && items[0].insert.toUpperCase() === word.toUpperCase())) { close(); return; }
    const { line, column } = position(text, from);
    const style = getComputedStyle(box);
    const padTop = parseFloat(style.paddingTop);
    const padLeft = parseFloat(style.paddingLeft);
    setPopup({
      items: items.slice(0, 50),
      active: 0,
      from,
      to: caret,
      top: padTop + line * cell.height - box.scrollTop + 2,
      left: Math.max(0, Math.min(padLeft + (column - 1) * cell.width - box.scrollLeft, box.clientWidth - 280)),
    });
  };

  const accept = (item) => {
    const box = area.current;
    if (!popup || !box) return;
    const text = box.value;
    const next = text.slice(0, popup.from) + item.insert + text.slice(popup.to);
    const caret = popup.from + item.insert.length;
    close();
    onChange(next);
    requestAnimationFrame(() => { box.focus(); box.setSelectionRange(caret, caret); });
  };

  const onKeyDown = (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      close();
      onRun?.();
      return;
    }
    if (event.ctrlKey && (event.key === ' ' || event.code === 'Space')) {
      event.preventDefault();
      suggest(true);
      return;
    }
    if (popup) {
      if (event.key === 'ArrowDown') { event.preventDefault(); setPopup({ ...popup, active: (popup.active + 1) % popup.items.length }); return; }
      if (event.key === 'ArrowUp') { event.preventDefault(); setPopup({ ...popup, active: (popup.active - 1 + popup.items.length) % popup.items.length }); return; }
      if (event.key === 'Enter' || event.key === 'Tab') { event.preventDefault(); accept(popup.items[popup.active]); return; }
      if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); close(); return; }
    }
    if (event.key === 'Tab' && !event.shiftKey && !popup) {
      // Tab leaves the editor (keyboard users must get out); two spaces come from the space bar.
      return;
    }
  };

  const onInput = (event) => {
    onChange(event.currentTarget.value);
    const typed = event.data;
    if (typed && /[A-Za-z0-9_^:(,]/.test(typed)) suggest(false);
    else if (typed === ' ' && popup) close();
    else if (!typed) close();
  };

  const active = popup?.items[popup.active];
  // Grows with the text from 5 to 16 lines, then scrolls.
  const height = { height: `${Math.min(Math.max(lines + 1, 5), 16) * cell.height + 24}px` };
  return html`<div class=${`editor ${error ? 'has-error' : ''}`}>
    <div class="editor-gutter" ref=${gutter} aria-hidden="true" style=${height}>
      ${Array.from({ length: lines }, (_, i) => html`<div key=${i} class=${error && error.line === i + 1 ? 'error-line' : ''}>${i + 1}</div>`)}
      <div>${' '}</div>
    </div>
    <div class="editor-body" style=${height}>
      <pre class="editor-highlight" ref=${pre} aria-hidden="true"><${Highlight} tokens=${tokens} text=${value} error=${error} /></pre>
      <textarea ref=${area} class="editor-input" aria-label=${label} spellcheck="false" autocomplete="off" autocapitalize="off"
        wrap="off" value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy}
        aria-autocomplete="list" aria-controls=${popup ? listId : undefined}
        aria-activedescendant=${popup && active ? `${listId}-${popup.active}` : undefined}
        onInput=${onInput} onKeyDown=${onKeyDown} onScroll=${sync} onBlur=${() => setTimeout(close, 150)}
        onClick=${close}></textarea>
      <span class="editor-probe" ref=${probe} aria-hidden="true">0000000000</span>
      ${popup && html`<ul class="completions" id=${listId} role="listbox" aria-label="Suggestions"
          style=${{ top: `${popup.top}px`, left: `${popup.left}px` }}>
        ${popup.items.map((item, i) => html`<li key=${`${item.kind}:${item.label}`} id=${`${listId}-${i}`} role="option"
            aria-selected=${i === popup.active ? 'true' : 'false'}
            onMouseDown=${(e) => { e.preventDefault(); accept(item); }} onMouseMove=${() => i !== popup.active && setPopup({ ...popup, active: i })}>
          <span class=${`completion-kind kind-${item.kind}`} aria-hidden="true">${item.kind[0].toUpperCase()}</span>
          <span class="completion-label">${item.label}</span>
          <span class="completion-detail">${item.detail}</span>
        </li>`)}
      </ul>`}
    </div>
    ${(popup && active?.doc) || hint ? html`<div class="editor-hint" aria-live="polite">${popup && active?.doc ? active.doc : hint}</div>` : null}
  </div>`;
}
