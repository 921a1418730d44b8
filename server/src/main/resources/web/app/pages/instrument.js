// An instrument: its quote, a candlestick chart with volume, registry indicators over the price or
// in panes, its fundamentals, its news with sentiment, and risk against a benchmark. Every figure
// carries where it came from; every number is the server's (nothing here recomputes an indicator).
import { html, useEffect, useLayoutEffect, useMemo, useRef, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { persisted, useStore } from '../lib/store.js';
import { price, number, percent, compact, relative, dateTime, date } from '../lib/format.js';
import { useStyles } from '../lib/styles.js';
import { Page } from '../ui/page.js';
import { Loading, Empty, ErrorState } from '../ui/states.js';
import { Provenance, DemoBadge } from '../ui/provenance.js';
import { Dialog } from '../ui/dialog.js';
import { toast } from '../ui/toast.js';
import { createPriceChart, seconds } from '../ui/chart.js';
import { loadInstruments, Change } from './markets.js';

const DAY = 86_400_000;

// Each interval: how much history one fetch holds (ranges inside it then switch instantly), and
// the range it opens at when picked.
export const INTERVALS = [
  { code: '1m', label: '1m', title: '1 minute', spanDays: 7, range: '1D' },
  { code: '5m', label: '5m', title: '5 minutes', spanDays: 31, range: '5D' },
  { code: '15m', label: '15m', title: '15 minutes', spanDays: 62, range: '5D' },
  { code: '30m', label: '30m', title: '30 minutes', spanDays: 92, range: '1M' },
  { code: '1h', label: '1h', title: '1 hour', spanDays: 183, range: '1M' },
  { code: '1d', label: '1d', title: '1 day', spanDays: 3653, range: '1Y' },
  { code: '1wk', label: '1w', title: '1 week', spanDays: 7305, range: '5Y' },
  { code: '1mo', label: '1mo', title: '1 month', spanDays: 14610, range: 'Max' },
];

// Each range: what it shows, the intervals that draw it well, and the one it picks otherwise.
export const RANGES = [
  { code: '1D', title: '1 day', sessions: 1, intervals: ['1m', '5m', '15m', '30m', '1h'], interval: '5m' },
  { code: '5D', title: '5 days', sessions: 5, intervals: ['1m', '5m', '15m', '30m', '1h'], interval: '15m' },
  { code: '1M', title: '1 month', days: 31, intervals: ['15m', '30m', '1h', '1d'], interval: '1h' },
  { code: '6M', title: '6 months', days: 183, intervals: ['1h', '1d', '1wk'], interval: '1d' },
  { code: '1Y', title: '1 year', days: 365, intervals: ['1d', '1wk'], interval: '1d' },
  { code: '5Y', title: '5 years', days: 1826, intervals: ['1d', '1wk', '1mo'], interval: '1wk' },
  { code: '10Y', title: '10 years', days: 3653, intervals: ['1d', '1wk', '1mo'], interval: '1wk' },
  { code: 'Max', title: 'All history', intervals: ['1d', '1wk', '1mo'], interval: '1mo' },
];

const chartView = persisted('sextant.chart.view', { interval: '1d', range: '1Y' });
// The indicators on the chart, for every instrument: [{ id, name, params: { name: value } }]
const chartIndicators = persisted('sextant.chart.indicators', []);

// ---- Data, cached in memory per page load ------------------------------------------------------

const barsCache = new Map(); // `${symbol}|${interval}|${from}` -> bars response
const indicatorCache = new Map(); // `${barsKey}|${name}|${params}` -> indicator response
const inflight = new Map();
let registry = null;

function once(cache, key, load) {
  if (cache.has(key)) return Promise.resolve(cache.get(key));
  if (!inflight.has(key)) {
    inflight.set(key, load().then((value) => { cache.set(key, value); return value; })
      .finally(() => inflight.delete(key)));
  }
  return inflight.get(key);
}

function loadRegistry() {
  if (!registry) {
    registry = api.get('/api/v1/indicators').then((r) => r.indicators).catch((e) => { registry = null; throw e; });
  }
  return registry;
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export function indicatorLabel(name, params) {
  const values = Object.values(params || {});
  return values.length ? `${name}(${values.map((v) => number(v, Number.isInteger(v) ? 0 : 2).replace(/,/g, '')).join(', ')})` : name;
}

function paramsKey(params) {
  return Object.entries(params || {}).map(([k, v]) => `${k}=${v}`).join('&');
}

// ---- Formatting --------------------------------------------------------------------------------

const intraday = (interval) => /^[0-9]+[mh]$/.test(interval);

// Daily and longer bars are dates (stamped 00:00 UTC): read them in UTC, never a day early.
function barTime(iso, interval) {
  if (!iso) return '–';
  if (intraday(interval)) return dateTime(iso);
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function utcDate(iso) {
  if (!iso) return '–';
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function indicatorValue(value, unit) {
  if (value === null || value === undefined) return '–';
  if (unit === 'price') return price(value);
  if (unit === 'volume') return compact(value);
  return number(value, 2);
}

function quoteSource(quote) {
  if (!quote) return null;
  const c = quote.conflict;
  return {
    provider: quote.provider, asOf: quote.time, fetchedAt: quote.fetchedAt, stale: quote.stale, demo: quote.demo,
    conflict: c ? `${c.provider} ${price(c.price)} vs ${c.otherProvider} ${price(c.otherPrice)}` : null,
  };
}

// ---- The page ----------------------------------------------------------------------------------

export default function Instrument({ params }) {
  useStyles('/assets/app/styles/instrument.css');
  const symbol = params.symbol.trim().toUpperCase();
  const [quote, setQuote] = useState(null);
  const [error, setError] = useState(null);
  const [info, setInfo] = useState(null);
  const [alerting, setAlerting] = useState(false);

  useEffect(() => {
    let live = true;
    setQuote(null);
    setError(null);
    const fetchQuote = () => api.get(`/api/v1/quotes/${encodeURIComponent(symbol)}`, { quiet: true });
    fetchQuote().then((q) => live && setQuote(q)).catch((e) => live && setError(e));
    loadInstruments().then((list) => live && setInfo(list.find((i) => i.symbol === symbol) || { symbol }))
      .catch(() => live && setInfo({ symbol }));
    const timer = setInterval(() => {
      if (!document.hidden) fetchQuote().then((q) => live && setQuote(q)).catch(() => {});
    }, 15_000);
    return () => { live = false; clearInterval(timer); };
  }, [symbol]);

  useEffect(() => { document.title = `${symbol} · Sextant`; }, [symbol]);

  if (error) {
    return html`<${Page} title=${symbol}><${ErrorState} error=${error} /><//>`;
  }
  if (!quote) return html`<${Page} title=${symbol}><${Loading} label=${`Loading ${symbol}…`} /><//>`;

  // The server's now (its clock, not the browser's) anchors every range.
  const anchor = Date.parse(quote.time) || Date.now();
  const subtitle = info?.name
    ? `${info.name}${info.exchange ? ` · ${info.exchange}` : ''}${info.currency ? ` · ${info.currency}` : ''}`
    : '';
  const actions = html`<button class="button primary" type="button" onClick=${() => setAlerting(true)}>Create alert</button>`;
  return html`<${Page} title=${symbol} subtitle=${subtitle} actions=${actions} label="Instrument">
    <div class="quote-line" aria-label="Latest price">
      <span class="quote-price num" data-quote-price=${quote.price}>${price(quote.price)}</span>
      <span class="quote-currency">${quote.currency}</span>
      <${Change} value=${quote.change} of=${quote.price} fraction=${quote.changePercent / 100} className="quote-change" />
      <span class="faint quote-since">since the previous close</span>
      <${Provenance} source=${quoteSource(quote)} />
    </div>
    <${ChartCard} symbol=${symbol} anchor=${anchor} />
    <div class="instrument-cards">
      <div class="instrument-column">
        <${RiskCard} symbol=${symbol} />
        <${FundamentalsCard} symbol=${symbol} info=${info} />
      </div>
      <div class="instrument-column">
        <${NewsCard} symbol=${symbol} />
      </div>
    </div>
    ${alerting && html`<${AlertDialog} symbol=${symbol} quote=${quote} onClose=${() => setAlerting(false)} />`}
  <//>`;
}

// ---- Chart -------------------------------------------------------------------------------------

// The first bar time a range shows (undefined: all), counted back from the last bar.
function visibleFrom(bars, range) {
  if (!bars.length || range.code === 'Max') return undefined;
  const last = seconds(bars[bars.length - 1].time);
  if (range.sessions) {
    // the last N dates that have bars
    let days = 0;
    let day = null;
    for (let i = bars.length - 1; i >= 0; i--) {
      const date = bars[i].time.slice(0, 10);
      if (date !== day) {
        day = date;
        if (++days > range.sessions) return seconds(bars[i + 1].time);
      }
    }
    return undefined;
  }
  return last - range.days * 86_400;
}

function ChartCard({ symbol, anchor }) {
  const view = useStore(chartView);
  const chosen = useStore(chartIndicators);
  const interval = INTERVALS.find((i) => i.code === view.interval) || INTERVALS[5];
  const range = RANGES.find((r) => r.code === view.range) || RANGES[4];
  const from = isoDay(anchor - interval.spanDays * DAY);
  const barsKey = `${symbol}|${interval.code}|${from}`;

  const box = useRef(null);
  const chart = useRef(null);
  const shown = useRef({ bars: null, indicators: new Map() });
  const [legend, setLegend] = useState(null);
  const [bars, setBars] = useState(() => barsCache.get(barsKey) || null);
  const [barsError, setBarsError] = useState(null);
  const [failed, setFailed] = useState({}); // indicator id -> problem text
  const [catalog, setCatalog] = useState(null);
  const [picking, setPicking] = useState(null); // null | {} (new) | an indicator to edit
  const [rangeTick, setRangeTick] = useState(0); // a range picked again shows it again

  useEffect(() => { loadRegistry().then(setCatalog).catch(() => setCatalog([])); }, []);

  useLayoutEffect(() => {
    chart.current = createPriceChart(box.current, { interval: interval.code, onCrosshair: setLegend });
    shown.current = { bars: null, indicators: new Map() };
    return () => { chart.current.destroy(); chart.current = null; };
  }, [symbol]);

  const byName = useMemo(() => new Map((catalog || []).map((d) => [d.name, d])), [catalog]);

  // Bars, then each chosen indicator, from the cache when there (drawn at once) or the API.
  useLayoutEffect(() => {
    if (!catalog) return undefined;
    let live = true;
    const c = chart.current;
    const done = () => requestAnimationFrame(() => box.current?.dispatchEvent(
      new CustomEvent('sextant:chart-drawn', { bubbles: true, detail: { interval: interval.code, range: range.code } })));

    const draw = (answer) => {
      if (!live) return;
      if (shown.current.bars !== barsKey) {
        // the indicators' points of the bars shown before go first: their times are not these bars'
        for (const key of c.indicatorKeys()) c.clearIndicator(key);
        c.setBars(answer.bars, interval.code);
        shown.current.bars = barsKey;
        shown.current.indicators.clear();
      }
      const wanted = new Set(chosen.map((i) => i.id));
      for (const key of c.indicatorKeys()) {
        if (!wanted.has(key)) { c.removeIndicator(key); shown.current.indicators.delete(key); }
      }
      const waiting = [];
      for (const indicator of chosen) {
        const definition = byName.get(indicator.name);
        if (!definition) continue;
        const key = `${barsKey}|${indicator.name}|${paramsKey(indicator.params)}`;
        if (shown.current.indicators.get(indicator.id) === key) continue;
        const put = (points) => {
          if (!live) return;
          c.setIndicator(indicator.id, {
            name: indicator.name, label: indicatorLabel(indicator.name, indicator.params), slot: chosen.indexOf(indicator),
            placement: definition.placement, unit: definition.unit, outputs: definition.outputs, points: points.points,
          });
          shown.current.indicators.set(indicator.id, key);
        };
        if (indicatorCache.has(key)) { put(indicatorCache.get(key)); continue; }
        waiting.push(once(indicatorCache, key, () => api.get(`/api/v1/indicators/${encodeURIComponent(symbol)}`, {
          query: { name: indicator.name, ...indicator.params, interval: interval.code, from }, quiet: true,
        })).then((answer) => { put(answer); setFailed((f) => ({ ...f, [indicator.id]: undefined })); })
          .catch((e) => live && setFailed((f) => ({ ...f, [indicator.id]: e.problem?.detail || e.message }))));
      }
      // the range last: once every series holds points of these bars
      c.showRange(visibleFrom(answer.bars, range));
      if (waiting.length) Promise.allSettled(waiting).then(() => live && done());
      else done();
    };

    if (barsCache.has(barsKey)) {
      const answer = barsCache.get(barsKey);
      setBars(answer);
      setBarsError(null);
      draw(answer);
    } else {
      setBars(null);
      setBarsError(null);
      once(barsCache, barsKey, () => api.get(`/api/v1/bars/${encodeURIComponent(symbol)}`, { query: { interval: interval.code, from }, quiet: true }))
        .then((answer) => { if (live) { setBars(answer); draw(answer); } })
        .catch((e) => live && setBarsError(e));
    }
    return () => { live = false; };
  }, [barsKey, range.code, rangeTick, chosen, catalog]);

  const pickInterval = (code) => {
    const next = INTERVALS.find((i) => i.code === code);
    const keep = RANGES.find((r) => r.code === view.range)?.intervals.includes(code);
    chartView.set({ interval: code, range: keep ? view.range : next.range });
  };
  const pickRange = (code) => {
    const next = RANGES.find((r) => r.code === code);
    chartView.set({ range: code, interval: next.intervals.includes(view.interval) ? view.interval : next.interval });
    setRangeTick((t) => t + 1);
  };

  const save = (indicator) => {
    const list = chartIndicators.get();
    const exists = list.some((i) => i.id === indicator.id);
    chartIndicators.set(exists ? list.map((i) => (i.id === indicator.id ? indicator : i)) : [...list, indicator]);
    setPicking(null);
  };
  const remove = (id) => chartIndicators.set(chartIndicators.get().filter((i) => i.id !== id));

  const empty = bars && bars.bars.length === 0;
  return html`<section class="card chart-card" aria-labelledby="chart-title">
    <div class="card-header chart-header">
      <h2 id="chart-title">Chart</h2>
      ${bars && html`<${Provenance} source=${{ provider: bars.provider, asOf: bars.asOf, fetchedAt: bars.fetchedAt, stale: bars.stale, demo: bars.demo }} />`}
    </div>
    <div class="chart-toolbar">
      <div class="segmented" role="group" aria-label="Interval">
        ${INTERVALS.map((i) => html`<button type="button" key=${i.code} aria-pressed=${i.code === interval.code ? 'true' : 'false'}
          title=${`${i.title} bars`} data-interval-button=${i.code} onClick=${() => pickInterval(i.code)}>${i.label}</button>`)}
      </div>
      <div class="segmented" role="group" aria-label="Range">
        ${RANGES.map((r) => html`<button type="button" key=${r.code} aria-pressed=${r.code === range.code ? 'true' : 'false'}
          title=${r.title} data-range-button=${r.code} onClick=${() => pickRange(r.code)}>${r.code}</button>`)}
      </div>
      <button type="button" class="button small" onClick=${() => setPicking({})} disabled=${!catalog || catalog.length === 0}>
        <span aria-hidden="true">ƒ</span> Indicators
      </button>
    </div>
    ${chosen.length > 0 && html`<ul class="indicator-chips" aria-label="Indicators on the chart">
      ${chosen.map((i) => {
        const entry = legend?.indicators.find((l) => l.key === i.id);
        return html`<li key=${i.id} class=${failed[i.id] ? 'failed' : ''}>
          <span class="swatch" aria-hidden="true" ref=${(el) => { if (el) el.style.background = entry?.values[0]?.color || 'transparent'; }}></span>
          <button type="button" class="chip-label" title=${failed[i.id] || 'Change its parameters'} onClick=${() => setPicking(i)}>${indicatorLabel(i.name, i.params)}</button>
          ${failed[i.id] && html`<span class="visually-hidden">${failed[i.id]}</span>`}
          <button type="button" class="chip-remove" aria-label=${`Remove ${indicatorLabel(i.name, i.params)}`} onClick=${() => remove(i.id)}>✕</button>
        </li>`;
      })}
    </ul>`}
    <${Legend} legend=${legend} interval=${interval.code} order=${chosen.map((i) => i.id)} />
    ${barsError && html`<${ErrorState} error=${barsError} />`}
    ${empty && html`<div class="notice">${bars.note || `No ${interval.title} bars in this range.`}</div>`}
    <div class="chart-wrap">
      <div class="chart" ref=${box} data-chart=${symbol} data-interval=${interval.code} role="figure" aria-label=${`${symbol} price chart, ${interval.title} bars`}></div>
      ${!bars && !barsError && html`<div class="chart-loading"><${Loading} label="Loading bars…" /></div>`}
    </div>
    ${picking && html`<${IndicatorPicker} catalog=${catalog} editing=${picking.id ? picking : null}
      onSave=${save} onClose=${() => setPicking(null)} />`}
  </section>`;
}

// The values under the cursor (or at the last bar): OHLCV, then each indicator's outputs.
function Legend({ legend, interval, order }) {
  if (!legend || !legend.bar) return html`<div class="chart-legend" aria-hidden="true"> </div>`;
  const { bar } = legend;
  const indicators = [...legend.indicators].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const change = bar.close - bar.open;
  return html`<div class="chart-legend" data-legend aria-live="off">
    <div class="legend-bar">
      <span class="legend-time" data-legend-time>${barTime(bar.time, interval)}</span>
      <span><abbr title="Open">O</abbr> <b data-legend-open>${price(bar.open)}</b></span>
      <span><abbr title="High">H</abbr> <b>${price(bar.high)}</b></span>
      <span><abbr title="Low">L</abbr> <b>${price(bar.low)}</b></span>
      <span><abbr title="Close">C</abbr> <b data-legend-close class=${change > 0 ? 'up' : change < 0 ? 'down' : ''}>${price(bar.close)}</b></span>
      <span><abbr title="Volume">V</abbr> <b data-legend-volume>${compact(bar.volume)}</b></span>
    </div>
    ${indicators.length > 0 && html`<div class="legend-indicators">
      ${indicators.map((i) => html`<span class="legend-indicator" key=${i.key} data-legend-indicator=${i.name}>
        <span class="legend-name">${i.label}</span>
        ${i.values.map((v) => html`<b key=${v.output} data-output=${v.output}
          ref=${(el) => { if (el) el.style.color = v.color; }}
          title=${v.output === 'value' ? i.label : v.output}>${i.values.length > 1 ? html`<span class="legend-output">${v.output}</span> ` : ''}${indicatorValue(v.value, i.unit)}</b>`)}
      </span>`)}
    </div>`}
  </div>`;
}

function IndicatorPicker({ catalog, editing, onSave, onClose }) {
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState(editing ? catalog.find((d) => d.name === editing.name) : null);
  const [values, setValues] = useState(editing ? { ...editing.params } : {});
  const [invalid, setInvalid] = useState({});

  const choose = (definition) => {
    setSelected(definition);
    setValues(Object.fromEntries(definition.params.map((p) => [p.name, p.defaultValue])));
    setInvalid({});
  };
  const text = filter.trim().toLowerCase();
  const shown = catalog.filter((d) => !text || d.name.toLowerCase().includes(text) || d.description.toLowerCase().includes(text));
  const groups = [['price', 'On the price'], ['pane', 'In a pane']];

  const submit = (event) => {
    event.preventDefault();
    const problems = {};
    const params = {};
    for (const p of selected.params) {
      const value = Number(values[p.name]);
      const whole = p.integer;
      if (!Number.isFinite(value) || value < p.min || value > p.max) problems[p.name] = `From ${p.min} to ${p.max}.`;
      params[p.name] = value;
      if (whole && !Number.isInteger(value)) problems[p.name] = 'A whole number.';
    }
    setInvalid(problems);
    if (Object.keys(problems).length) return;
    onSave({ id: editing?.id || `${selected.name}-${Date.now().toString(36)}`, name: selected.name, params });
  };

  return html`<${Dialog} title="Indicators" onClose=${onClose} className="indicator-picker">
    <div class="picker-head">
      <h2>${editing ? `Change ${editing.name}` : 'Add an indicator'}</h2>
      <button type="button" class="button ghost small" aria-label="Close" onClick=${onClose}>✕</button>
    </div>
    <div class="picker-body">
      ${!editing && html`<div class="picker-list">
        <input class="input" type="search" aria-label="Filter indicators" placeholder="Filter, e.g. RSI or moving"
          value=${filter} onInput=${(e) => setFilter(e.currentTarget.value)} />
        ${groups.map(([placement, title]) => {
          const list = shown.filter((d) => d.placement === placement);
          return list.length > 0 && html`<div class="picker-group" key=${placement}>
            <div class="picker-group-title">${title}</div>
            <ul role="list">
              ${list.map((d) => html`<li key=${d.name}><button type="button" class="picker-item"
                  aria-pressed=${selected?.name === d.name ? 'true' : 'false'} onClick=${() => choose(d)}>
                <span class="picker-name">${d.name}</span><span class="picker-description">${d.description}</span>
              </button></li>`)}
            </ul>
          </div>`;
        })}
        ${shown.length === 0 && html`<div class="muted">No indicator matches “${filter}”.</div>`}
      </div>`}
      <div class="picker-detail">
        ${!selected ? html`<p class="muted">Pick an indicator to set its parameters.</p>` : html`<form class="form" onSubmit=${submit} aria-label=${`${selected.name} parameters`} novalidate>
          <div>
            <h3>${selected.name}</h3>
            <p class="muted">${selected.description}</p>
            <p class="faint picker-meta">${selected.placement === 'price' ? 'Drawn over the price' : 'Drawn in its own pane'} · unit: ${selected.unit} · outputs: ${selected.outputs.join(', ')}</p>
          </div>
          ${selected.params.length === 0 && html`<p class="muted">No parameters.</p>`}
          ${selected.params.map((p) => {
            const id = `param-${selected.name}-${p.name}`;
            return html`<div class="field" key=${p.name}>
              <label for=${id}>${p.name}</label>
              <input class="input num" id=${id} type="number" inputmode="decimal" min=${p.min} max=${p.max}
                step=${p.integer ? 1 : 'any'}
                value=${values[p.name]} aria-invalid=${invalid[p.name] ? 'true' : 'false'}
                aria-describedby=${`${id}-hint`} onInput=${(e) => setValues({ ...values, [p.name]: e.currentTarget.value })} />
              <span class=${invalid[p.name] ? 'error' : 'hint'} id=${`${id}-hint`}>${invalid[p.name] || `Default ${p.defaultValue}, from ${p.min} to ${p.max}`}</span>
            </div>`;
          })}
          <div class="dialog-actions">
            <button type="button" class="button" onClick=${onClose}>Cancel</button>
            <button type="submit" class="button primary">${editing ? 'Apply' : 'Add to chart'}</button>
          </div>
        </form>`}
      </div>
    </div>
  <//>`;
}

// ---- Fundamentals ------------------------------------------------------------------------------

const CONCEPTS = [
  ['Revenues', 'Revenue', 'usd'],
  ['NetIncomeLoss', 'Net income', 'usd'],
  ['EarningsPerShareDiluted', 'EPS, diluted', 'per-share'],
  ['CommonStockDividendsPerShareDeclared', 'Dividend per share', 'per-share'],
  ['EntityCommonStockSharesOutstanding', 'Shares outstanding', 'count'],
  ['WeightedAverageNumberOfDilutedSharesOutstanding', 'Diluted shares (average)', 'count'],
  ['StockholdersEquity', "Stockholders' equity", 'usd'],
  ['LongTermDebt', 'Long-term debt', 'usd'],
];

function quarterly(fact) {
  if (!fact.periodStart) return true; // a balance at a date
  return (Date.parse(fact.periodEnd) - Date.parse(fact.periodStart)) / DAY < 100;
}

function factValue(value, kind) {
  if (kind === 'usd') return `$${compact(value)}`;
  if (kind === 'per-share') return `$${number(value, 2)}`;
  return compact(value);
}

function period(fact) {
  return `${fact.fiscalPeriod || ''} ${fact.periodEnd?.slice(0, 4) || ''}`.trim();
}

function FundamentalsCard({ symbol, info }) {
  const [answer, setAnswer] = useState(null);
  const [error, setError] = useState(null);
  const company = info?.assetClass === 'EQUITY';

  useEffect(() => {
    setAnswer(null);
    setError(null);
    if (!company) return undefined;
    let live = true;
    api.get(`/api/v1/fundamentals/${encodeURIComponent(symbol)}`, { quiet: true })
      .then((a) => live && setAnswer(a)).catch((e) => live && setError(e));
    return () => { live = false; };
  }, [symbol, company]);

  const latest = useMemo(() => {
    if (!answer) return [];
    return CONCEPTS.map(([concept, label, kind]) => {
      const facts = answer.facts.filter((f) => f.concept === concept && quarterly(f))
        .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.filed.localeCompare(b.filed));
      return facts.length ? { concept, label, kind, fact: facts[facts.length - 1] } : null;
    }).filter(Boolean);
  }, [answer]);

  const quarters = useMemo(() => {
    if (!answer) return [];
    const byEnd = new Map();
    for (const f of answer.facts) {
      if (!f.periodStart || !quarterly(f)) continue;
      if (!['Revenues', 'NetIncomeLoss', 'EarningsPerShareDiluted'].includes(f.concept)) continue;
      const row = byEnd.get(f.periodEnd) || { periodEnd: f.periodEnd, label: period(f) };
      row[f.concept] = f.value;
      byEnd.set(f.periodEnd, row);
    }
    return [...byEnd.values()].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd)).slice(0, 4);
  }, [answer]);

  return html`<section class="card" aria-labelledby="fundamentals-title" data-card="fundamentals">
    <div class="card-header">
      <h2 id="fundamentals-title">Fundamentals</h2>
      ${answer && html`<${Provenance} source=${{ provider: answer.provider, asOf: answer.asOf, fetchedAt: answer.fetchedAt, demo: answer.demo }} />`}
    </div>
    ${!info ? html`<${Loading} lines=${3} label="Loading fundamentals…" />`
      : !company ? html`<p class="muted">Fundamentals are companies' reported figures (SEC filings); ${symbol} is not a company's stock.</p>`
      : error?.status === 404 ? html`<${Empty} title="No reported figures">No filings are known for ${symbol}: ${error.problem?.detail || ''}<//>`
      : error ? html`<${ErrorState} error=${error} />`
      : !answer ? html`<${Loading} lines=${3} label="Loading fundamentals…" />`
      : latest.length === 0 ? html`<${Empty} title="No reported figures">Nothing filed for ${symbol} as of ${date(answer.asOf)}.<//>`
      : html`<div class="stats fundamentals-stats">
          ${latest.map((l) => html`<div class="stat" key=${l.concept} data-concept=${l.concept}>
            <span class="label">${l.label}</span>
            <span class="value">${factValue(l.fact.value, l.kind)}</span>
            <span class="faint stat-note" title=${`Period ${l.fact.periodStart ? `${l.fact.periodStart} to ` : 'at '}${l.fact.periodEnd}, filed ${l.fact.filed}`}>
              ${l.fact.periodStart ? period(l.fact) : `at ${utcDate(l.fact.periodEnd)}`} · filed ${utcDate(l.fact.filed)}</span>
          </div>`)}
        </div>
        ${quarters.length > 0 && html`<div class="table-wrap quarters" tabindex="0" role="region" aria-label="Last quarters">
          <table class="table">
            <caption class="visually-hidden">Last quarters</caption>
            <thead><tr><th scope="col">Quarter</th><th scope="col" class="num">Revenue (USD)</th>
              <th scope="col" class="num">Net income (USD)</th><th scope="col" class="num">EPS, diluted (USD)</th></tr></thead>
            <tbody>${quarters.map((q) => html`<tr key=${q.periodEnd}>
              <td title=${`Quarter to ${utcDate(q.periodEnd)}`}>${q.label}</td>
              <td class="num">${q.Revenues !== undefined ? compact(q.Revenues) : '–'}</td>
              <td class="num">${q.NetIncomeLoss !== undefined ? compact(q.NetIncomeLoss) : '–'}</td>
              <td class="num">${q.EarningsPerShareDiluted !== undefined ? number(q.EarningsPerShareDiluted, 2) : '–'}</td>
            </tr>`)}</tbody>
          </table>
        </div>`}`}
  </section>`;
}

// ---- News --------------------------------------------------------------------------------------

function sentimentOf(score) {
  if (score === null || score === undefined) return { label: 'Unscored', kind: '' };
  if (score >= 0.25) return { label: 'Positive', kind: 'positive' };
  if (score <= -0.25) return { label: 'Negative', kind: 'negative' };
  return { label: 'Neutral', kind: 'neutral' };
}

function NewsCard({ symbol }) {
  const [page, setPage] = useState(null);
  const [items, setItems] = useState([]);
  const [error, setError] = useState(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    let live = true;
    setPage(null);
    setItems([]);
    setError(null);
    api.get(`/api/v1/news/${encodeURIComponent(symbol)}`, { query: { limit: 8 }, quiet: true })
      .then((p) => { if (live) { setPage(p); setItems(p.items); } }).catch((e) => live && setError(e));
    return () => { live = false; };
  }, [symbol]);

  const loadMore = () => {
    setMore(true);
    api.get(`/api/v1/news/${encodeURIComponent(symbol)}`, { query: { limit: 8, cursor: page.nextCursor, asOf: page.asOf, from: page.from, to: page.to } })
      .then((p) => { setPage(p); setItems((list) => [...list, ...p.items]); })
      .catch(() => {}).finally(() => setMore(false));
  };

  const provenance = page?.provenance;
  return html`<section class="card news-card" aria-labelledby="news-title" data-card="news">
    <div class="card-header">
      <h2 id="news-title">News</h2>
      ${provenance && html`<${Provenance} source=${{
        provider: provenance.providers?.map((p) => p.provider).join(', '), demo: provenance.demo,
        fetchedAt: provenance.fetchedAt, stale: provenance.stale, asOf: page.asOf,
      }} />`}
    </div>
    ${provenance?.note && html`<p class="faint news-note">${provenance.note}</p>`}
    ${error ? html`<${ErrorState} error=${error} />`
      : !page ? html`<${Loading} lines=${4} label="Loading news…" />`
      : items.length === 0 ? html`<${Empty} title="No news">Nothing stored for ${symbol} in the last 30 days.<//>`
      : html`<ul class="news-list" aria-label=${`${symbol} news`}>
          ${items.map((item) => {
            const sentiment = sentimentOf(item.sentiment);
            return html`<li key=${item.id} data-news=${item.id}>
              <a class="news-headline" href=${/^https?:\/\//i.test(item.url || '') ? item.url : undefined} target="_blank" rel="noopener noreferrer">${item.headline}<span class="visually-hidden"> (opens in a new tab)</span></a>
              <div class="news-meta">
                ${item.demo && html`<${DemoBadge} />`}
                <span>${item.source}</span>
                <span aria-hidden="true">·</span>
                <time datetime=${item.publishedAt} title=${dateTime(item.publishedAt)}>${relative(item.publishedAt)}</time>
                <span class=${`badge sentiment ${sentiment.kind}`} title=${`Sentiment ${number(item.sentiment, 2)} (−1 to 1) by ${item.scorer}`}
                  data-sentiment=${item.sentiment}>${sentiment.label} ${item.sentiment === null || item.sentiment === undefined ? '' : (item.sentiment > 0 ? '+' : '') + number(item.sentiment, 2)}</span>
              </div>
            </li>`;
          })}
        </ul>
        ${page.nextCursor && html`<button type="button" class="button small" onClick=${loadMore} disabled=${more}>${more ? 'Loading…' : 'Older news'}</button>`}`}
  </section>`;
}

// ---- Risk --------------------------------------------------------------------------------------

function RiskCard({ symbol }) {
  const [benchmarks, setBenchmarks] = useState(null);
  const [benchmark, setBenchmark] = useState(null);
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    loadInstruments().then((list) => {
      const choices = list.filter((i) => i.assetClass === 'ETF' || i.assetClass === 'INDEX');
      setBenchmarks(choices);
      const preferred = ['SPY', '^GSPC'].find((s) => choices.some((c) => c.symbol === s)) || choices[0]?.symbol || '';
      setBenchmark((b) => b ?? preferred);
    }).catch(() => { setBenchmarks([]); setBenchmark(''); });
  }, []);

  // Demo and real series are never mixed silently: the user asks for it, and the figures say so.
  const [mixing, setMixing] = useState(false);
  useEffect(() => setMixing(false), [symbol, benchmark]);

  useEffect(() => {
    if (benchmark === null) return undefined;
    let live = true;
    setReport(null);
    setError(null);
    api.get(`/api/v1/analytics/risk/${encodeURIComponent(symbol)}`, { query: { benchmark: benchmark || undefined, allowDemo: mixing || undefined }, quiet: true })
      .then((r) => live && setReport(r)).catch((e) => live && setError(e));
    return () => { live = false; };
  }, [symbol, benchmark, mixing]);

  const r = report;
  const stat = (label, value, title, key) => html`<div class="stat" title=${title} data-risk=${key}>
    <span class="label">${label}</span><span class="value">${value}</span></div>`;
  return html`<section class="card" aria-labelledby="risk-title" data-card="risk">
    <div class="card-header">
      <h2 id="risk-title">Risk</h2>
      <div class="field risk-benchmark">
        <label for="risk-benchmark">Benchmark</label>
        <select class="select" id="risk-benchmark" value=${benchmark || ''} onChange=${(e) => setBenchmark(e.currentTarget.value)}
          disabled=${!benchmarks}>
          <option value="">None</option>
          ${(benchmarks || []).map((b) => html`<option key=${b.symbol} value=${b.symbol}>${b.symbol} · ${b.name}</option>`)}
        </select>
      </div>
    </div>
    ${error?.type === 'demo-mixed-with-real' ? html`<div class="notice demo" data-risk-mixed>
          <p>${symbol} and the benchmark ${benchmark} are not both demo or both real data, and Sextant does not mix them silently.</p>
          <div class="form-row">
            <button class="button small" type="button" onClick=${() => setMixing(true)}>Compare anyway, labelled as mixed</button>
            <button class="button small ghost" type="button" onClick=${() => setBenchmark('')}>No benchmark</button>
          </div>
        </div>`
      : error ? html`<${ErrorState} error=${error} />`
      : !r ? html`<${Loading} lines=${4} label="Computing risk…" />`
      : html`<p class="muted risk-span">${r.observations} ${r.interval === '1d' ? 'daily' : r.interval} returns, ${utcDate(r.from)} to ${utcDate(r.to)}${r.mixed ? ' · demo and real data mixed' : ''}</p>
        <div class="stats">
          ${stat('Volatility (annual)', percent(r.volatility), 'Annualized standard deviation of returns', 'volatility')}
          ${stat('Sharpe', number(r.sharpe, 2), 'Annualized, risk-free rate 0', 'sharpe')}
          ${stat('Sortino', number(r.sortino, 2), 'Annualized, downside deviation', 'sortino')}
          ${stat('Calmar', number(r.calmar, 2), 'Annual return over max drawdown', 'calmar')}
          ${stat('Max drawdown', percent(r.maxDrawdown?.depth), r.maxDrawdown ? `Peak ${utcDate(r.maxDrawdown.peak)}, trough ${utcDate(r.maxDrawdown.trough)}${r.maxDrawdown.recovery ? `, recovered ${utcDate(r.maxDrawdown.recovery)}` : ', not recovered'}` : '', 'maxDrawdown')}
          ${stat(`VaR ${percent(r.confidence, 0)} (1 period)`, percent(r.historicalVar), `Historical; parametric ${percent(r.parametricVar)}`, 'var')}
          ${stat(`CVaR ${percent(r.confidence, 0)}`, percent(r.historicalCvar), `Historical; parametric ${percent(r.parametricCvar)}`, 'cvar')}
          ${r.benchmark && stat(`Beta to ${r.benchmark}`, number(r.beta, 2), 'Slope of returns on the benchmark\'s', 'beta')}
          ${r.benchmark && stat(`Alpha to ${r.benchmark}`, percent(r.alpha), 'Annualized', 'alpha')}
        </div>
        <div class="risk-inputs">
          ${r.inputs.map((i) => html`<div key=${i.symbol} class="risk-input"><span class="faint">${i.symbol}</span>
            <${Provenance} source=${{ provider: i.provider, asOf: i.asOf, fetchedAt: i.fetchedAt, stale: i.stale, demo: i.demo }} /></div>`)}
        </div>`}
  </section>`;
}

// ---- Alerts ------------------------------------------------------------------------------------

function AlertDialog({ symbol, quote, onClose }) {
  const suggested = Number((quote.price * 1.05).toPrecision(4));
  const [condition, setCondition] = useState(`PRICE > ${suggested}`);
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const statement = `TRACK ${symbol} WHEN ${condition.trim()}`;

  const submit = (event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    api.post('/api/v1/alerts', { query: statement }, { quiet: true })
      .then((alert) => {
        toast('Alert stored', `${alert.statement || statement}: it fires on the live price. The Alerts page lists it.`, 'success');
        onClose();
      })
      .catch((e) => setProblem(e.problem?.detail || e.message))
      .finally(() => setBusy(false));
  };

  return html`<${Dialog} title=${`Alert on ${symbol}`} onClose=${onClose}>
    <form class="form" onSubmit=${submit} aria-label=${`Create an alert on ${symbol}`}>
      <h2>Alert on ${symbol}</h2>
      <div class="field">
        <label for="alert-condition">Fire when</label>
        <input class="input mono" id="alert-condition" value=${condition} required autocomplete="off" spellcheck="false"
          aria-invalid=${problem ? 'true' : 'false'} aria-describedby="alert-hint"
          onInput=${(e) => setCondition(e.currentTarget.value)} />
        ${problem
          ? html`<span class="error" id="alert-hint" role="alert">${problem}</span>`
          : html`<span class="hint" id="alert-hint">A query condition, e.g. <code>${'PRICE > 200'}</code>, <code>${'RSI(14) < 30'}</code>, <code>${'CHANGE(1d) <= -2%'}</code>.</span>`}
      </div>
      <p class="muted">Stores <code class="alert-statement">${statement}</code></p>
      <div class="dialog-actions">
        <button type="button" class="button" onClick=${onClose}>Cancel</button>
        <button type="submit" class="button primary" disabled=${busy || !condition.trim()}>${busy ? 'Storing…' : 'Create alert'}</button>
      </div>
    </form>
  <//>`;
}
