// Markets: find a symbol (autocomplete), or pick one from every instrument Sextant serves, grouped
// by asset class, each with its latest price and change and where that price came from.
import { html, useEffect, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { navigate } from '../lib/router.js';
import { price, number, percent, direction, relative, dateTime } from '../lib/format.js';
import { useStyles } from '../lib/styles.js';
import { Page } from '../ui/page.js';
import { Loading, Empty, ErrorState } from '../ui/states.js';
import { DataTable } from '../ui/table.js';
import { DemoBadge } from '../ui/provenance.js';
import { SymbolSearch } from '../ui/symbol-search.js';

export const ASSET_CLASSES = [
  ['EQUITY', 'Stocks'], ['ETF', 'ETFs'], ['INDEX', 'Indices'], ['CRYPTO', 'Crypto'], ['MACRO', 'Macro series'],
];

const REFRESH_MS = 30_000;
const QUOTE_BATCH = 100; // GET /api/v1/quotes takes at most 100 symbols

let instruments = null; // the promise of GET /api/v1/instruments, once per page load

// Every instrument the server serves (cached: the list changes only with imports).
export function loadInstruments({ fresh = false } = {}) {
  if (!instruments || fresh) {
    instruments = api.get('/api/v1/instruments', { quiet: true }).then((r) => r.instruments)
      .catch((error) => { instruments = null; throw error; });
  }
  return instruments;
}

// Latest quotes of many symbols, in batches the API accepts; a Map by symbol.
export async function loadQuotes(symbols, options = {}) {
  const batches = [];
  for (let i = 0; i < symbols.length; i += QUOTE_BATCH) batches.push(symbols.slice(i, i + QUOTE_BATCH));
  const answers = await Promise.all(batches.map((batch) => api.get('/api/v1/quotes', { query: { symbols: batch.join(',') }, ...options })));
  return new Map(answers.flatMap((a) => a.quotes).map((q) => [q.symbol, q]));
}

// The digits a price shows (lib/format.js price): a change of it shows as many.
function priceDigits(reference) {
  const size = Math.abs(reference ?? 1);
  return size >= 1 ? 2 : size >= 0.01 ? 4 : 6;
}

// "▲ +1.23 (+0.45%)": sign and arrow, so colour is never the only cue; `of` is the price changed.
export function Change({ value, fraction, of, className = '' }) {
  if (value === null || value === undefined) return html`<span class="faint">–</span>`;
  const dir = direction(value);
  const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '';
  return html`<span class=${`change ${dir} ${className}`}>
    ${arrow && html`<span aria-hidden="true">${arrow} </span>`}${value > 0 ? '+' : ''}${number(value, priceDigits(of))}${fraction !== undefined && html` (${percent(fraction, 2, true)})`}
  </span>`;
}

// The quote's provenance in a table row: DEMO, stale, conflict, and the provider with its time.
function QuoteSource({ quote }) {
  if (!quote) return html`<span class="faint">no quote</span>`;
  const conflict = quote.conflict;
  return html`<span class="badges">
    ${quote.demo && html`<${DemoBadge} />`}
    <span class="badge" title=${`Price time ${dateTime(quote.time)}`}>${quote.provider} · ${relative(quote.time)}</span>
    ${quote.stale && html`<span class="badge stale" title=${`Fetched ${dateTime(quote.fetchedAt)}; the provider did not answer since`}>stale</span>`}
    ${conflict && html`<span class="badge conflict" title=${`${conflict.provider} ${price(conflict.price)} vs ${conflict.otherProvider} ${price(conflict.otherPrice)}`}>conflict</span>`}
  </span>`;
}

const columns = (quotes) => [
  {
    key: 'symbol', label: 'Symbol',
    render: (r) => html`<a class="symbol-link" href=${`/markets/${encodeURIComponent(r.symbol)}`}>${r.symbol}</a>`,
  },
  { key: 'name', label: 'Name', render: (r) => html`<span class="instrument-name" title=${r.name}>${r.name}</span>` },
  { key: 'exchange', label: 'Exchange' },
  {
    key: 'last', label: 'Last', numeric: true, value: (r) => quotes.get(r.symbol)?.price,
    render: (r) => html`<span class="num">${price(quotes.get(r.symbol)?.price)}</span> <span class="unit">${r.currency}</span>`,
  },
  {
    key: 'change', label: 'Change', numeric: true, value: (r) => quotes.get(r.symbol)?.changePercent,
    render: (r) => {
      const q = quotes.get(r.symbol);
      return html`<${Change} value=${q?.change} of=${q?.price} fraction=${q ? q.changePercent / 100 : undefined} />`;
    },
  },
  { key: 'source', label: 'Source', sortable: false, render: (r) => html`<${QuoteSource} quote=${quotes.get(r.symbol)} />` },
];

export default function Markets() {
  useStyles('/assets/app/styles/markets.css');
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  const [quotes, setQuotes] = useState(new Map());
  const [quoteError, setQuoteError] = useState(null);

  const load = () => {
    setError(null);
    loadInstruments().then(setList).catch(setError);
  };
  useEffect(load, []);

  useEffect(() => {
    if (!list || list.length === 0) return undefined;
    let live = true;
    const symbols = list.map((i) => i.symbol);
    const refresh = () => {
      if (document.hidden) return;
      loadQuotes(symbols, { quiet: true })
        .then((found) => { if (live) { setQuotes(found); setQuoteError(null); } })
        .catch((failure) => live && setQuoteError(failure));
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => { live = false; clearInterval(timer); };
  }, [list]);

  const groups = list ? ASSET_CLASSES.map(([code, title]) => [code, title, list.filter((i) => i.assetClass === code)])
    .filter(([, , rows]) => rows.length > 0) : [];
  const anyDemo = list?.some((i) => i.demo);

  return html`<${Page} title="Markets" subtitle="Every instrument Sextant serves, with its latest price and where it came from">
    <section class="card markets-search" aria-labelledby="markets-find">
      <h2 id="markets-find" class="card-title">Find an instrument</h2>
      <p class="muted">Type a symbol or a company name; arrow keys choose, Enter opens its chart.</p>
      <${SymbolSearch} label="Find a symbol" placeholder="Symbol or name, e.g. AAPL or apple"
        onPick=${(r) => navigate(`/markets/${encodeURIComponent(r.symbol)}`)} />
    </section>
    ${anyDemo && html`<div class="notice demo" role="note"><${DemoBadge} /> Instruments marked DEMO are served from Sextant's synthetic demo market: their prices are not market facts.</div>`}
    ${quoteError && html`<div class="notice warn" role="alert">Prices could not be fetched: ${quoteError.problem?.detail || quoteError.message}</div>`}
    ${error ? html`<${ErrorState} error=${error} retry=${load} />`
      : !list ? html`<${Loading} label="Loading instruments…" />`
      : list.length === 0 ? html`<${Empty} title="No instruments">Import bars on the Imports page, or enable a provider.<//>`
      : groups.map(([code, title, rows]) => html`<section class="card markets-group" key=${code} aria-labelledby=${`group-${code}`} data-asset-class=${code}>
          <div class="card-header"><h2 id=${`group-${code}`}>${title} <span class="faint count">${rows.length}</span></h2></div>
          <${DataTable} caption=${title} columns=${columns(quotes)} rows=${rows} rowKey=${(r) => r.symbol} />
        </section>`)}
  <//>`;
}
