// The FK-DSL query console: write a query (highlighted, with completions from the server's
// vocabulary and the symbol search), run it with Ctrl-Enter, read each statement's table with its
// units and provenance, chart a time series, export CSV. A query that does not parse is marked in
// the editor at the line and column the server reports, with its message and hint beside it.
import { html, useEffect, useMemo, useRef, useState } from '../lib/html.js';
import { createChart, LineSeries } from 'lightweight-charts';
import { api } from '../lib/api.js';
import { persisted, useStore } from '../lib/store.js';
import { useStyles } from '../lib/styles.js';
import { relative, dateTime } from '../lib/format.js';
import { Page } from '../ui/page.js';
import { Loading, Empty } from '../ui/states.js';
import { Provenance } from '../ui/provenance.js';
import { DataTable, toCsv, download } from '../ui/table.js';
import { Editor, tokenize, withoutComments, STATEMENTS } from '../ui/editor.js';
import { searchSymbols } from '../ui/symbol-search.js';
import { registerCommands } from '../ui/palette.js';
import { toast } from '../ui/toast.js';
import { preferences, loadPreferences, keepsQueryHistory } from '../lib/preferences.js';

const HISTORY_SIZE = 50;
export const history = persisted('sextant.query.history', []); // [{ text, at, ok }] newest first
const draft = persisted('sextant.query.draft', 'EVALUATE AAPL: PRICE, CHANGE(1d), RSI(14), SMA(50)');

export const EXAMPLES = [
  { title: 'Evaluate one symbol', text: 'EVALUATE AAPL: PRICE, CHANGE(1d), VOLATILITY(30d), RSI(14), MACD(12,26,9), SMA(50)' },
  { title: 'Daily bars (chart)', text: 'GET OHLCV FOR AAPL' },
  { title: 'Compare symbols', text: 'COMPARE BTC-USD vs ETH-USD vs SOL-USD ON VOLATILITY(90d), SHARPE(1y), MAX_DRAWDOWN(1y)' },
  { title: 'Scan a universe', text: 'SCAN universe:demo WHERE RSI(14) < 50 ORDER BY RSI(14) LIMIT 20' },
  { title: 'Trend and signal', text: 'SCAN universe:demo WHERE TREND IS BULLISH OR SIGNAL IS BUY ORDER BY SHARPE(1y) DESC' },
  { title: 'Correlation matrix', text: 'CORRELATE AAPL, MSFT, NVDA, SPY OVER 1y' },
  { title: 'Regression', text: 'REGRESS AAPL ON SPY, QQQ OVER 2y' },
  { title: 'Macro series', text: 'MACRO: US10Y, CPI, VIX' },
  { title: 'Analyze technicals', text: 'ANALYZE AAPL FOR TECHNICALS' },
  { title: 'News sentiment', text: 'GET NEWS FOR AAPL' },
  { title: 'Several statements', text: '-- comments start with -- and are not sent\nEVALUATE MSFT: PRICE, RSI(14);\nFIND AAPL WITH RSI < 70 AND PRICE > SMA 50' },
];

let vocabularyOnce = null;
function loadVocabulary() {
  vocabularyOnce ||= api.get('/api/v1/query/vocabulary', { quiet: true }).catch((e) => { vocabularyOnce = null; throw e; });
  return vocabularyOnce;
}

function remember(text, ok) {
  if (!keepsQueryHistory()) return; // the user's privacy choice (Account, Preferences)
  const entry = { text, at: new Date().toISOString(), ok };
  history.set((list) => [entry, ...(list || []).filter((h) => h.text !== text)].slice(0, HISTORY_SIZE));
}

// ---- Completions ------------------------------------------------------------------------------

const CONDITION_AFTER = new Set(['WHERE', 'AND', 'OR', 'WHEN', 'BETWEEN', '(', '<', '<=', '>', '>=', '=', '!=', 'ABOVE', 'BELOW', '+', '*', '/']);
const CLAUSES = ['WHERE', 'ORDER BY', 'LIMIT', 'ASC', 'DESC', 'AND', 'OR', 'BETWEEN', 'ABOVE', 'BELOW', 'ON', 'BY', 'VS', 'WITH',
  'OVER', 'WINDOW', 'FOR', 'WHEN', 'AS OF', 'FROM', 'TO', 'TREND IS', 'SIGNAL IS'];

function signature(metric) {
  if (!metric.parameters.length) return metric.name;
  return `${metric.name}(${metric.parameters.map((p) => p.name).join(', ')})`;
}

function parameterDoc(metric) {
  const params = metric.parameters.map((p) => {
    const bounds = p.min !== null && p.min !== undefined ? ` ${p.min} to ${p.max}` : '';
    return `${p.name}: ${p.kind}${p.defaultValue ? `, default ${p.defaultValue}` : ', required'}${bounds}`;
  });
  const outputs = metric.outputs.length ? ` · outputs .${metric.outputs.join(', .')}` : '';
  return `${signature(metric)} — ${params.join('; ') || 'no parameters'}${outputs} · unit: ${metric.unit}`;
}

// What may come at the caret: from the statement's tokens before the word being typed.
export function expectation(tokensBefore) {
  const tokens = tokensBefore.filter((t) => t.kind !== 'space' && t.kind !== 'comment');
  const start = tokens.map((t) => t.text).lastIndexOf(';') + 1;
  const st = tokens.slice(start);
  if (!st.length) return { kind: 'statement' };
  const up = (t) => t?.text.toUpperCase();
  const head = up(st[0]);
  const prev = up(st[st.length - 1]);
  let depth = 0;
  for (let k = st.length - 1; k >= 0; k--) {
    if (st[k].text === ')') depth++;
    else if (st[k].text === '(') {
      if (depth === 0) {
        if (k > 0 && st[k - 1].kind === 'metric') {
          return { kind: 'args', metric: up(st[k - 1]), index: st.slice(k + 1).filter((t) => t.text === ',').length };
        }
        break;
      }
      depth--;
    }
  }
  const words = st.map(up);
  if (st.length === 1 && ['EVALUATE', 'COMPARE', 'CORRELATE', 'REGRESS', 'FIND', 'ANALYZE', 'ANALYSE', 'TRACK', 'MACRO'].includes(head)) return { kind: 'symbol' };
  if (prev === '->' || prev === '→') return { kind: 'analysis' };
  if (prev === 'SCAN') return { kind: 'universe' };
  if (prev === 'GET') return { kind: 'item' };
  if (prev === 'FOR') return head === 'GET' ? { kind: 'symbol' } : { kind: 'topic' };
  if (prev === 'IS') return { kind: 'state', of: up(st[st.length - 2]) };
  if (prev === 'VS' || (prev === 'WITH' && head === 'CORRELATE') || (prev === 'ON' && (head === 'REGRESS' || head === 'MACRO'))) return { kind: 'symbol' };
  if (prev === 'WITH' && head === 'FIND') return { kind: 'condition' };
  if (CONDITION_AFTER.has(prev)) return { kind: 'condition' };
  if (prev === 'BY' || prev === 'ON') return { kind: 'metric' };
  if (prev === ':') return head === 'MACRO' ? { kind: 'symbol' } : { kind: 'metric' };
  if (prev === ',') {
    if (head === 'EVALUATE') return { kind: 'metric' };
    if (head === 'COMPARE') return words.includes('ON') || words.includes('BY') ? { kind: 'metric' } : { kind: 'symbol' };
    return { kind: 'symbol' };
  }
  return { kind: 'clause' };
}

function matching(items, word) {
  const needle = word.toUpperCase();
  if (!needle) return items;
  const starts = items.filter((i) => i.label.toUpperCase().startsWith(needle));
  const inside = items.filter((i) => !i.label.toUpperCase().startsWith(needle) && i.label.toUpperCase().includes(needle));
  return [...starts, ...inside];
}

function completer(vocabulary) {
  const metricItems = vocabulary.metrics.map((m) => ({
    kind: 'metric', label: m.name, insert: m.parameters.length ? m.example : m.name, detail: m.unit, doc: parameterDoc(m),
  }));
  const constant = (list, detail) => list.map((v) => ({ kind: 'keyword', label: v, insert: v, detail }));
  return async ({ text, from, word, explicit }) => {
    const want = expectation(tokenize(text.slice(0, from), new Set(vocabulary.metrics.map((m) => m.name))));
    switch (want.kind) {
      case 'statement':
        return matching(vocabulary.statements.map((s) => ({ kind: 'statement', label: s.keyword, insert: `${s.keyword} `, detail: s.form, doc: `e.g. ${s.example}` })), word);
      case 'args': {
        const metric = vocabulary.metrics.find((m) => m.name === want.metric);
        if (!metric || !metric.parameters.length || word) return [];
        const rest = metric.parameters.slice(want.index);
        if (!rest.length) return [];
        const insert = rest.map((p) => p.defaultValue ?? 'SPY').join(',') + ')';
        return [{ kind: 'parameter', label: signature(metric), insert, detail: rest.map((p) => `${p.name}=${p.defaultValue ?? '?'}`).join(', '), doc: parameterDoc(metric) }];
      }
      case 'metric':
        return matching(metricItems, word);
      case 'condition':
        return matching([...metricItems, ...constant(['TREND IS', 'SIGNAL IS'], 'state test')], word);
      case 'universe':
        return matching([
          ...vocabulary.universes.map((u) => ({ kind: 'universe', label: `universe:${u}`, insert: `universe:${u}`, detail: 'universe' })),
          { kind: 'universe', label: 'watchlist:', insert: 'watchlist:', detail: 'one of your watchlists' },
        ], word.replace(/^universe:/i, '') && word);
      case 'item':
        return matching(constant(vocabulary.getItems, 'GET item'), word);
      case 'topic':
        return matching(constant(Object.keys(vocabulary.topics), 'ANALYZE topic'), word);
      case 'analysis':
        return matching(constant(vocabulary.macroAnalyses, 'MACRO analysis'), word);
      case 'state': {
        const states = vocabulary.states.filter((s) => !want.of || s.startsWith(want.of)).map((s) => s.split(' ').pop());
        return matching(constant(states, 'state'), word);
      }
      case 'symbol': {
        if (!word) return [];
        const found = await searchSymbols(word, 8).catch(() => []);
        return found.map((r) => ({ kind: 'symbol', label: r.symbol, insert: r.symbol, detail: r.name || '' }));
      }
      default:
        if (!word && !explicit) return [];
        return matching([...constant(CLAUSES, 'keyword'), ...(word ? metricItems : [])], word);
    }
  };
}

// ---- Results ------------------------------------------------------------------------------

function cellText(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value.toLocaleString('en-US');
    const size = Math.abs(value);
    const digits = size >= 1000 ? 2 : size >= 1 ? 4 : 6;
    return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  }
  return String(value);
}

function columnsOf(table) {
  return table.columns.map((c, i) => ({
    key: String(i),
    label: c.name,
    unit: c.unit && c.unit !== 'date' ? c.unit : undefined,
    numeric: c.type === 'number',
    value: (row) => row[i],
    render: (row) => {
      const v = row[i];
      if (c.type === 'boolean') return html`<span class=${`badge ${v ? 'ok' : ''}`} data-value=${String(v)}>${String(v)}</span>`;
      if (c.name === 'symbol' && typeof v === 'string') return html`<a href=${`/markets/${encodeURIComponent(v)}`} data-value=${v}>${v}</a>`;
      if (c.name === 'url' && typeof v === 'string' && /^https?:\/\//.test(v)) return html`<a href=${v} target="_blank" rel="noopener noreferrer" data-value=${v}>${new URL(v).hostname}</a>`;
      const title = c.unit === 'fraction' && typeof v === 'number' ? `${(v * 100).toFixed(2)} %` : undefined;
      return html`<span data-value=${v === null ? '' : String(v)} title=${title}>${cellText(v)}</span>`;
    },
  }));
}

// A table is a time series when one column holds distinct dates or times and another numbers.
function seriesOf(table) {
  const time = table.columns.findIndex((c) => c.unit === 'date' || /^(date|time|publishedAt)$/i.test(c.name));
  if (time < 0 || table.rows.length < 2) return null;
  const numeric = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'number');
  if (!numeric.length) return null;
  const stamps = table.rows.map((r) => r[time]);
  if (stamps.some((s) => typeof s !== 'string' || Number.isNaN(Date.parse(s)))) return null;
  if (new Set(stamps).size !== stamps.length) return null;
  return { time, numeric };
}

function chartTime(stamp) {
  return /^\d{4}-\d{2}-\d{2}$/.test(stamp) ? stamp : Math.floor(Date.parse(stamp) / 1000);
}

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function SeriesChart({ table, series, column }) {
  const box = useRef(null);
  useEffect(() => {
    const theme = () => ({
      layout: { background: { type: 'solid', color: css('--surface') }, textColor: css('--text-muted'), fontFamily: css('--font-sans') },
      grid: { vertLines: { color: css('--chart-grid') }, horzLines: { color: css('--chart-grid') } },
      rightPriceScale: { borderColor: css('--border') },
      timeScale: { borderColor: css('--border') },
    });
    // The library's TradingView attribution logo stays on (its licence asks for it); the policy
    // admits the one style sheet it adds by its hash.
    const chart = createChart(box.current, { autoSize: true, ...theme() });
    const line = chart.addSeries(LineSeries, { color: css('--accent'), lineWidth: 2 });
    const points = table.rows
      .map((r) => ({ time: chartTime(r[series.time]), value: r[column] }))
      .filter((p) => typeof p.value === 'number')
      .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    line.setData(points);
    chart.timeScale().fitContent();
    const fit = requestAnimationFrame(() => chart.timeScale().fitContent()); // once autoSize has measured
    const resized = new ResizeObserver(() => chart.timeScale().fitContent());
    resized.observe(box.current);
    const observer = new MutationObserver(() => {
      chart.applyOptions(theme());
      line.applyOptions({ color: css('--accent') });
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => { cancelAnimationFrame(fit); resized.disconnect(); observer.disconnect(); chart.remove(); };
  }, [table, column]);
  const c = table.columns[column];
  return html`<figure class="query-chart" aria-label=${`Line chart of ${c.name}${c.unit ? ` (${c.unit})` : ''} over ${table.columns[series.time].name}, ${table.rows.length} points`}>
    <div class="query-chart-canvas" ref=${box}></div>
  </figure>`;
}

function ResultTable({ table, index, statement }) {
  const columns = useMemo(() => columnsOf(table), [table]);
  const series = useMemo(() => seriesOf(table), [table]);
  const preferred = series && (series.numeric.find(({ c }) => c.name === 'close') || series.numeric.find(({ c }) => c.unit !== 'volume') || series.numeric[0]);
  const [plotted, setPlotted] = useState(preferred ? preferred.i : null);
  const [view, setView] = useState(series ? 'chart' : 'table');
  const exportCsv = () => {
    download(`sextant-query-${index + 1}.csv`, toCsv(columns, table.rows));
    toast('Exported', `${table.rows.length} rows as CSV.`, 'success');
  };
  return html`<section class="card query-result" aria-labelledby=${`result-${index}`} data-result=${index}>
    <div class="card-header">
      <div class="query-result-title">
        <h2 id=${`result-${index}`}>Result ${index + 1}</h2>
        ${statement && html`<code class="query-statement" title=${statement}>${statement}</code>`}
      </div>
      <div class="query-result-actions">
        <span class="faint">${table.rows.length} ${table.rows.length === 1 ? 'row' : 'rows'}${table.asOf ? html` · ${table.from ? `${table.from} to ${table.asOf}` : `as of ${table.asOf}`}` : ''}</span>
        ${series && html`<div class="segmented" role="group" aria-label=${`Show result ${index + 1} as`}>
          <button type="button" aria-pressed=${view === 'chart' ? 'true' : 'false'} onClick=${() => setView('chart')}>Chart</button>
          <button type="button" aria-pressed=${view === 'table' ? 'true' : 'false'} onClick=${() => setView('table')}>Table</button>
        </div>`}
        <button class="button small" type="button" onClick=${exportCsv}>Export CSV</button>
      </div>
    </div>
    ${table.notes?.map((n) => html`<div class="notice warn query-note" key=${n.symbol}>${n.note}</div>`)}
    ${series && view === 'chart' && html`<div class="query-chart-wrap">
      ${series.numeric.length > 1 && html`<div class="segmented query-series-pick" role="group" aria-label="Column to chart">
        ${series.numeric.map(({ c, i }) => html`<button type="button" key=${i} aria-pressed=${plotted === i ? 'true' : 'false'} onClick=${() => setPlotted(i)}>${c.name}</button>`)}
      </div>`}
      <${SeriesChart} table=${table} series=${series} column=${plotted} />
    </div>`}
    ${(!series || view === 'table') && html`<${DataTable} columns=${columns} rows=${table.rows} caption=${`Result ${index + 1}${statement ? `: ${statement}` : ''}`} empty="No rows: nothing matched." />`}
  </section>`;
}

function answerSource(answer) {
  const inputs = answer.inputs || [];
  if (!inputs.length) return answer.demo ? { demo: true } : null;
  const latest = (key) => inputs.map((i) => i[key]).filter(Boolean).sort().pop();
  return {
    provider: [...new Set(inputs.map((i) => i.provider))].join(', '),
    asOf: latest('asOf'),
    fetchedAt: latest('fetchedAt'),
    stale: inputs.some((i) => i.stale),
    demo: answer.demo,
  };
}

function Inputs({ answer }) {
  const inputs = answer.inputs || [];
  if (!inputs.length) return null;
  return html`<details class="query-inputs">
    <summary>${inputs.length} ${inputs.length === 1 ? 'input' : 'inputs'} read</summary>
    <div class="table-wrap"><table class="table">
      <caption class="visually-hidden">Series the answer was computed from</caption>
      <thead><tr><th scope="col">Symbol</th><th scope="col">Interval</th><th scope="col">Provider</th><th scope="col">Last bar</th><th scope="col">Status</th></tr></thead>
      <tbody>${inputs.map((i) => html`<tr key=${`${i.symbol}:${i.interval}`}>
        <td>${i.symbol}</td><td>${i.interval}</td><td>${i.provider}</td>
        <td title=${i.asOf ? dateTime(i.asOf) : ''}>${i.asOf ? relative(i.asOf) : '–'}</td>
        <td><${Provenance} source=${{ demo: i.demo, stale: i.stale, fetchedAt: i.fetchedAt }} /></td>
      </tr>`)}</tbody>
    </table></div>
  </details>`;
}

// The statements of a query as written, to title each result (split at ';' outside comments).
function statementsOf(text) {
  const parts = [];
  let current = '';
  for (const t of tokenize(text)) {
    if (t.kind === 'comment') continue;
    if (t.text === ';') { parts.push(current); current = ''; } else current += t.text;
  }
  parts.push(current);
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

// ---- Side panel ------------------------------------------------------------------------------

function HistoryList({ onPick }) {
  const list = useStore(history) || [];
  const choices = useStore(preferences);
  if (choices && !choices.keepQueryHistory) {
    return html`<${Empty} title="History is off">Your preferences keep no query history in this browser (Account, Preferences).<//>`;
  }
  if (!list.length) return html`<${Empty} title="No queries yet">Queries you run are kept here, in this browser.<//>`;
  return html`<div class="query-history">
    <ul aria-label="Query history">
      ${list.map((h, i) => html`<li key=${h.at + i}>
        <button type="button" class="query-history-item" onClick=${() => onPick(h.text)} title=${h.text}>
          <code>${h.text}</code>
          <span class="faint">${h.ok ? '' : 'failed · '}${relative(h.at)}</span>
        </button>
      </li>`)}
    </ul>
    <button type="button" class="button small ghost" onClick=${() => history.set([])}>Clear history</button>
  </div>`;
}

function Reference({ vocabulary, onInsert, onStatement }) {
  const [filter, setFilter] = useState('');
  if (!vocabulary) return html`<${Loading} label="Loading the vocabulary…" />`;
  const needle = filter.trim().toUpperCase();
  const metrics = vocabulary.metrics.filter((m) => !needle || m.name.includes(needle) || m.unit.toUpperCase().includes(needle));
  const statements = vocabulary.statements.filter((s) => !needle || s.keyword.includes(needle));
  return html`<div class="query-reference">
    <div class="field">
      <label for="vocabulary-filter">Filter the vocabulary</label>
      <input id="vocabulary-filter" class="input" type="search" value=${filter} placeholder="RSI, fraction, SCAN…" onInput=${(e) => setFilter(e.currentTarget.value)} />
    </div>
    ${statements.length > 0 && html`<h3>Statements</h3>
      <ul class="query-vocab" aria-label="Statements">
        ${statements.map((s) => html`<li key=${s.keyword}>
          <button type="button" onClick=${() => onStatement(s.example)} title="Add this example as a statement">
            <code class="tok-keyword">${s.form}</code><span class="faint">${s.example}</span>
          </button></li>`)}
      </ul>`}
    <h3>Metrics <span class="faint">(${metrics.length})</span></h3>
    <ul class="query-vocab" aria-label="Metrics">
      ${metrics.map((m) => html`<li key=${m.name}>
        <button type="button" onClick=${() => onInsert(m.parameters.length ? m.example : m.name)} title="Insert at the caret">
          <code class="tok-metric">${signature(m)}${m.outputs.length ? `.${m.outputs.join('|.')}` : ''}</code><span class="faint">${m.unit}</span>
        </button></li>`)}
    </ul>
    ${!needle && html`<h3>Universes</h3><p class="faint query-universes">${vocabulary.universes.map((u) => `universe:${u}`).join(' · ')}</p>`}
  </div>`;
}

// ---- The page ------------------------------------------------------------------------------

export default function QueryConsole() {
  const choices = useStore(preferences);
  useEffect(() => {
    loadPreferences().catch(() => {});
  }, []);
  // Turning history off forgets what this browser kept, not only what comes next.
  useEffect(() => {
    if (choices && !choices.keepQueryHistory && (history.get() || []).length) history.set([]);
  }, [choices]);
  useStyles('/assets/app/styles/query.css');
  const [text, setText] = useState(draft.get());
  const [vocabulary, setVocabulary] = useState(null);
  const [running, setRunning] = useState(false);
  const [answer, setAnswer] = useState(null); // { answer, statements }
  const [failure, setFailure] = useState(null); // { problem, located: { line, column } | null }
  const [allowDemo, setAllowDemo] = useState(false);
  const [side, setSide] = useState('history');
  const input = useRef(null);
  const textRef = useRef(text);
  textRef.current = text;

  useEffect(() => { loadVocabulary().then(setVocabulary).catch(() => {}); }, []);
  useEffect(() => { draft.set(text); }, [text]);
  const metrics = useMemo(() => new Set((vocabulary?.metrics || []).map((m) => m.name)), [vocabulary]);
  const complete = useMemo(() => (vocabulary ? completer(vocabulary) : null), [vocabulary]);

  const run = async () => {
    const query = textRef.current;
    if (!query.trim() || running) return;
    setRunning(true);
    setFailure(null);
    try {
      const result = await api.post('/api/v1/query', withoutComments(query), {
        quiet: true, headers: { 'Content-Type': 'text/plain' }, query: { allowDemo: allowDemo || undefined },
      });
      setAnswer({ answer: result, statements: statementsOf(query) });
      remember(query, true);
    } catch (error) {
      if (error.name === 'AbortError') return;
      const problem = error.problem || { title: 'Query failed', detail: error.message };
      const located = Number.isInteger(problem.line) && Number.isInteger(problem.column) ? { line: problem.line, column: problem.column } : null;
      setFailure({ problem, located, status: error.status });
      setAnswer(null); // an earlier answer under this error would read as this query's
      remember(query, false);
    } finally {
      setRunning(false);
    }
  };

  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => registerCommands([
    { id: 'query:run', title: 'Run the query', kind: 'Action', keywords: 'fk-dsl execute', run: () => runRef.current() },
  ]), []);

  const load = (next) => {
    setText(next);
    setFailure(null);
    requestAnimationFrame(() => input.current?.focus());
  };
  const insert = (snippet) => {
    const box = input.current;
    // A blurred textarea keeps its selection: insert where the caret was.
    const at = box ? Math.min(box.selectionStart, text.length) : text.length;
    const before = text.slice(0, at);
    const glue = before && !/[\s(]$/.test(before) ? ' ' : '';
    const next = before + glue + snippet + text.slice(at);
    setText(next);
    requestAnimationFrame(() => { box?.focus(); const caret = at + glue.length + snippet.length; box?.setSelectionRange(caret, caret); });
  };

  const onChange = (next) => {
    setText(next);
    if (failure?.located) setFailure(null);
  };

  const error = failure?.located || null;
  const problem = failure?.problem;
  const source = answer && answerSource(answer.answer);

  const examples = html`<label class="visually-hidden" for="query-examples">Load an example query</label>
    <select id="query-examples" class="select query-examples" onChange=${(e) => {
      const pick = EXAMPLES[Number(e.currentTarget.value)];
      e.currentTarget.value = '';
      if (pick) load(pick.text);
    }}>
      <option value="">Examples…</option>
      ${EXAMPLES.map((ex, i) => html`<option value=${i} key=${i}>${ex.title}</option>`)}
    </select>`;

  return html`<${Page} title="Query console" subtitle="FK-DSL over the market data: one table per statement, every figure with its source."
      actions=${examples}>
    <div class="query-layout">
      <section class="card query-editor-card" aria-label="Query editor">
        <${Editor} value=${text} onChange=${onChange} onRun=${run} error=${error} metrics=${metrics} complete=${complete}
          describedBy=${error ? 'query-error' : 'query-keys'} inputRef=${input} label="FK-DSL query" />
        ${problem && html`<div class=${`query-problem ${error ? 'located' : ''}`} id="query-error" role="alert" data-problem=${problem.type || ''}>
          <div class="query-problem-head">
            <strong>${problem.title || 'Query refused'}</strong>
            ${error && html`<span class="badge conflict" data-error-position>Line ${error.line}, column ${error.column}</span>`}
          </div>
          <div class="query-problem-detail">${problem.detail}</div>
          ${problem.expected && html`<div class="query-problem-hint">Expected: <code>${problem.expected}</code></div>`}
          ${problem.type?.endsWith('demo-mixed-with-real') && html`<div class="query-problem-hint">Tick “Allow demo with real data” to compute anyway; the answer is then labelled mixed.</div>`}
          ${problem.retryAfter && html`<div class="query-problem-hint">Try again in ${problem.retryAfter} s.</div>`}
        </div>`}
        <div class="query-toolbar">
          <button class="button primary" type="button" onClick=${run} disabled=${running || !text.trim()} aria-keyshortcuts="Control+Enter">
            ${running ? 'Running…' : 'Run'}<kbd>Ctrl</kbd><kbd>Enter</kbd>
          </button>
          <label class="checkbox"><input type="checkbox" checked=${allowDemo} onChange=${(e) => setAllowDemo(e.currentTarget.checked)} /> Allow demo with real data</label>
          <span class="spacer"></span>
          <span class="faint query-keys" id="query-keys"><kbd>Ctrl</kbd><kbd>Space</kbd> suggests · <kbd>Ctrl</kbd><kbd>Enter</kbd> runs · <code>--</code> starts a comment</span>
        </div>
      </section>
      <aside class="card query-side" aria-label="History and reference">
        <div class="tabs" role="tablist" aria-label="Side panel">
          <button role="tab" id="tab-history" aria-controls="panel-side" aria-selected=${side === 'history' ? 'true' : 'false'} onClick=${() => setSide('history')}>History</button>
          <button role="tab" id="tab-reference" aria-controls="panel-side" aria-selected=${side === 'reference' ? 'true' : 'false'} onClick=${() => setSide('reference')}>Vocabulary</button>
        </div>
        <div role="tabpanel" id="panel-side" aria-labelledby=${side === 'history' ? 'tab-history' : 'tab-reference'} class="query-side-panel">
          ${side === 'history' ? html`<${HistoryList} onPick=${load} />` : html`<${Reference} vocabulary=${vocabulary} onInsert=${insert}
            onStatement=${(example) => load(text.trim() ? `${text.replace(/[\s;]*$/, '')};\n${example}` : example)} />`}
        </div>
      </aside>
      <div class="query-output">
    ${running && !answer && html`<${Loading} label="Running the query…" />`}
    ${answer && html`<div class="query-results" aria-live="polite" aria-busy=${running ? 'true' : 'false'}>
      <div class="query-results-head">
        <h2 class="visually-hidden">Results</h2>
        ${source && html`<${Provenance} source=${source} />`}
        ${answer.answer.mixed && html`<span class="badge stale" title="Demo and real series were combined on your opt-in">demo + real</span>`}
        <${Inputs} answer=${answer.answer} />
      </div>
      ${answer.answer.results.length === 0
        ? html`<${Empty} title="No tables">The query ran but answered no table.<//>`
        : answer.answer.results.map((table, i) => html`<${ResultTable} key=${`${i}:${answer.statements[i] || ''}`} table=${table} index=${i}
            statement=${answer.answer.results.length === answer.statements.length ? answer.statements[i] : ''} />`)}
    </div>`}
    ${!answer && !running && html`<div class="card"><${Empty} title="Run a query to see its tables">
      Pick one of the examples, or type a statement: ${STATEMENTS.map((s, i) => html`${i ? ', ' : ''}<code key=${s}>${s}</code>`)}.
    <//></div>`}
      </div>
    </div>
  <//>`;
}
