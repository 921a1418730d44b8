// Imports: a CSV or JSON file of bars for a symbol. The file is read by the server first and
// nothing is stored (POST /api/v1/imports/preview): the first rows as parsed and every bad line
// with what is wrong with it. Then Import, and open the instrument.
import { html, useEffect, useRef, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useStore } from '../lib/store.js';
import { me } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { useStyles } from '../lib/styles.js';
import { dateTime, price, compact, number } from '../lib/format.js';
import { Page } from '../ui/page.js';
import { Loading } from '../ui/states.js';
import { DataTable } from '../ui/table.js';
import { Icon } from '../ui/icons.js';
import { toast } from '../ui/toast.js';

const INTERVALS = [['1d', 'Daily (1d)'], ['1h', 'Hourly (1h)'], ['30m', '30 minutes'], ['15m', '15 minutes'], ['5m', '5 minutes'], ['1m', '1 minute']];
const ASSET_CLASSES = ['EQUITY', 'ETF', 'INDEX', 'CRYPTO', 'MACRO'];
const ASSET_CLASS_NAMES = { EQUITY: 'Equity', ETF: 'ETF', INDEX: 'Index', CRYPTO: 'Crypto', MACRO: 'Macro series' };
const MAX_BYTES = 20 * 1024 * 1024;

// A symbol from a file name: "acme_daily.csv" -> "ACME_DAILY.IMP" is a suggestion, never required.
function symbolFrom(fileName) {
  const stem = fileName.replace(/\.[^.]+$/, '').toUpperCase().replace(/[^A-Z0-9.^_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20);
  return stem ? (stem.includes('.') ? stem : `${stem}.IMP`) : '';
}

function barTime(iso, interval) {
  return interval === '1d' ? iso.slice(0, 10) : dateTime(iso);
}

function problemText(error) {
  return error?.problem?.detail || error?.message || 'The server refused the file.';
}

export default function Imports() {
  useStyles('/assets/app/styles/imports.css');
  const user = useStore(me);
  const [file, setFile] = useState(null);
  const [symbol, setSymbol] = useState('');
  const [name, setName] = useState('');
  const [interval, setBarInterval] = useState('1d');
  const [currency, setCurrency] = useState('USD');
  const [assetClass, setAssetClass] = useState('EQUITY');
  const [preview, setPreview] = useState(null);
  const [previewError, setPreviewError] = useState(null);
  const [reading, setReading] = useState(false);
  const [skip, setSkip] = useState(false);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState(null);
  const [importError, setImportError] = useState(null);
  const [dragging, setDragging] = useState(false);
  const picker = useRef(null);

  const allowed = !user || user.roles.some((r) => r === 'analyst' || r === 'admin');

  const choose = (picked) => {
    if (!picked) return;
    if (picked.size > MAX_BYTES) {
      toast('File too large', `${picked.name} has ${compact(picked.size)} bytes; import files of at most 20 MB.`, 'error');
      return;
    }
    setFile(picked);
    setImported(null);
    setImportError(null);
    setSkip(false);
    if (!symbol) setSymbol(symbolFrom(picked.name));
  };

  useEffect(() => {
    if (!file || !allowed) return undefined;
    const controller = new AbortController();
    const body = new FormData();
    body.append('file', file);
    setReading(true);
    setPreviewError(null);
    api.post('/api/v1/imports/preview', body, { query: { interval }, quiet: true, signal: controller.signal })
      .then((answer) => { setPreview(answer); })
      .catch((error) => { if (error.name !== 'AbortError') { setPreview(null); setPreviewError(error); } })
      .finally(() => setReading(false));
    return () => controller.abort();
  }, [file, interval, allowed]);

  const submit = (event) => {
    event.preventDefault();
    if (!file || !preview) return;
    const body = new FormData();
    body.append('file', file);
    body.append('symbol', symbol.trim());
    if (name.trim()) body.append('name', name.trim());
    body.append('interval', interval);
    body.append('currency', currency.trim().toUpperCase());
    body.append('assetClass', assetClass);
    if (skip) body.append('skipInvalid', 'true');
    setImporting(true);
    setImportError(null);
    api.post('/api/v1/imports', body)
      .then((answer) => {
        setImported(answer);
        toast('Imported', `${answer.bars} bars of ${answer.symbol} stored.`, 'success');
      })
      .catch(setImportError)
      .finally(() => setImporting(false));
  };

  const reset = () => {
    setFile(null); setPreview(null); setPreviewError(null); setImported(null); setImportError(null); setSkip(false); setSymbol(''); setName('');
    if (picker.current) picker.current.value = '';
  };

  if (!allowed) {
    return html`<${Page} title="Imports" subtitle="Bars from your own files, served like any other market data.">
      <div class="notice warn" role="status">Importing is for analysts and administrators: an imported symbol joins the catalog every account on this server sees. Ask an administrator for the analyst role.</div>
    <//>`;
  }

  const bad = preview?.invalid || 0;
  const canImport = preview && preview.valid > 0 && (bad === 0 || skip) && symbol.trim() && !importing;
  const unit = preview?.counts === 'bar' ? 'Bar' : 'Line';

  const barColumns = [
    { key: 'line', label: unit, numeric: true },
    { key: 'time', label: interval === '1d' ? 'Date' : 'Time', render: (r) => barTime(r.time, interval), value: (r) => r.time },
    { key: 'open', label: 'Open', numeric: true, unit: currency, render: (r) => price(r.open) },
    { key: 'high', label: 'High', numeric: true, unit: currency, render: (r) => price(r.high) },
    { key: 'low', label: 'Low', numeric: true, unit: currency, render: (r) => price(r.low) },
    { key: 'close', label: 'Close', numeric: true, unit: currency, render: (r) => price(r.close) },
    { key: 'volume', label: 'Volume', numeric: true, render: (r) => number(r.volume, 0) },
  ];
  const problemColumns = [
    { key: 'line', label: unit, numeric: true },
    { key: 'problem', label: 'Problem', render: (r) => html`<span class="import-problem">${r.problem}</span>` },
    ...(preview?.counts === 'line' ? [{ key: 'text', label: 'As written', sortable: false, render: (r) => html`<code class="import-line">${r.text}</code>` }] : []),
  ];

  return html`<${Page} title="Imports" subtitle="Bars from a CSV or JSON file (Yahoo, Stooq or plain OHLCV layouts), checked before anything is stored.">
    <form class="card import-form form" onSubmit=${submit} aria-label="Import a bar file">
      <div class=${`dropzone ${dragging ? 'dragging' : ''} ${file ? 'has-file' : ''}`}
          onDragOver=${(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave=${() => setDragging(false)}
          onDrop=${(e) => { e.preventDefault(); setDragging(false); choose(e.dataTransfer?.files?.[0]); }}>
        <${Icon} name="imports" />
        <div class="dropzone-text">
          ${file
            ? html`<strong data-file-name>${file.name}</strong><span class="faint">${compact(file.size)} bytes</span>`
            : html`<strong>Drop a file here</strong><span class="faint">CSV (comma, semicolon or tab) or JSON, at most 20 MB</span>`}
        </div>
        <label class="button" for="import-file">${file ? 'Choose another file' : 'Choose a file'}</label>
        <input id="import-file" ref=${picker} class="visually-hidden" type="file" accept=".csv,.json,.txt,text/csv,application/json,text/plain"
          aria-describedby="import-file-hint" onChange=${(e) => choose(e.currentTarget.files?.[0])} />
        <span id="import-file-hint" class="visually-hidden">CSV or JSON file of bars</span>
      </div>
      <div class="form-row">
        <div class="field">
          <label for="import-symbol">Symbol</label>
          <input id="import-symbol" class="input mono" required maxlength="32" value=${symbol} placeholder="ACME.IMP" autocomplete="off" spellcheck="false"
            onInput=${(e) => setSymbol(e.currentTarget.value.toUpperCase())} aria-describedby="import-symbol-hint" />
          <span class="hint" id="import-symbol-hint">Not one another source serves; it becomes yours.</span>
        </div>
        <div class="field">
          <label for="import-name">Name <span class="faint">(optional)</span></label>
          <input id="import-name" class="input" maxlength="200" value=${name} placeholder=${symbol ? `${symbol} (imported)` : 'Acme Corp'} onInput=${(e) => setName(e.currentTarget.value)} />
        </div>
      </div>
      <div class="form-row">
        <div class="field">
          <label for="import-interval">Bar interval</label>
          <select id="import-interval" class="select" value=${interval} onChange=${(e) => setBarInterval(e.currentTarget.value)}>
            ${INTERVALS.map(([code, label]) => html`<option value=${code} key=${code}>${label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="import-currency">Currency</label>
          <input id="import-currency" class="input mono" required maxlength="3" pattern="[A-Za-z]{3}" value=${currency} onInput=${(e) => setCurrency(e.currentTarget.value.toUpperCase())} />
        </div>
        <div class="field">
          <label for="import-class">Asset class</label>
          <select id="import-class" class="select" value=${assetClass} onChange=${(e) => setAssetClass(e.currentTarget.value)}>
            ${ASSET_CLASSES.map((c) => html`<option value=${c} key=${c}>${ASSET_CLASS_NAMES[c]}</option>`)}
          </select>
        </div>
      </div>

      ${reading && html`<${Loading} label="Reading the file…" />`}
      ${previewError && html`<div class="notice error" role="alert" data-preview-error><strong>${previewError.problem?.title || 'The file cannot be read'}</strong><div>${problemText(previewError)}</div></div>`}

      ${preview && !reading && html`<section class="import-preview" aria-labelledby="preview-title" data-preview>
        <div class="import-preview-head">
          <h2 id="preview-title">Preview</h2>
          <span class="badge">${preview.format.toUpperCase()}</span>
          ${preview.columns.length > 0 && html`<span class="faint import-columns" title="Columns of the header">${preview.columns.join(' · ')}</span>`}
        </div>
        <div class="stats">
          <div class="stat"><span class="label">Rows read</span><span class="value" data-stat="rows">${preview.rows}</span></div>
          <div class="stat"><span class="label">Good</span><span class="value up" data-stat="valid">${preview.valid}</span></div>
          <div class="stat"><span class="label">With errors</span><span class=${`value ${bad ? 'down' : ''}`} data-stat="invalid">${bad}</span></div>
          <div class="stat"><span class="label">From</span><span class="value">${preview.from ? barTime(preview.from, interval) : '–'}</span></div>
          <div class="stat"><span class="label">To</span><span class="value">${preview.to ? barTime(preview.to, interval) : '–'}</span></div>
        </div>
        ${bad > 0 && html`<div class="import-errors">
          <h3 class="down">${bad} ${bad === 1 ? 'row' : 'rows'} cannot be imported${preview.problems.length < bad ? html` <span class="faint">(the first ${preview.problems.length} shown)</span>` : ''}</h3>
          <${DataTable} columns=${problemColumns} rows=${preview.problems} caption="Rows with errors" rowKey=${(r) => r.line} />
        </div>`}
        <div>
          <h3>${preview.bars.length < preview.valid ? `The first ${preview.bars.length} of ${preview.valid} bars` : `${preview.valid} ${preview.valid === 1 ? 'bar' : 'bars'}`}, as read</h3>
          <${DataTable} columns=${barColumns} rows=${preview.bars} caption="Bars as parsed" rowKey=${(r) => r.line} empty="No good row in the file." />
        </div>
      </section>`}

      ${importError && html`<div class="notice error" role="alert"><strong>${importError.problem?.title || 'Import refused'}</strong><div>${problemText(importError)}</div></div>`}

      ${imported
        ? html`<div class="notice import-done" role="status" data-imported>
            <div><strong>Imported ${imported.bars} bars of ${imported.symbol}</strong>
              <div class="faint">${imported.added} new, ${imported.restated} restated${imported.skipped ? `, ${imported.skipped} bad ${imported.skipped === 1 ? 'row' : 'rows'} left out` : ''} · ${barTime(imported.from, interval)} to ${barTime(imported.to, interval)}</div></div>
            <div class="form-row">
              <button type="button" class="button primary" onClick=${() => navigate(`/markets/${encodeURIComponent(imported.symbol)}`)}>Open ${imported.symbol}</button>
              <button type="button" class="button" onClick=${reset}>Import another file</button>
            </div>
          </div>`
        : preview && html`<div class="import-actions">
            ${bad > 0 && html`<label class="checkbox"><input type="checkbox" checked=${skip} onChange=${(e) => setSkip(e.currentTarget.checked)} />
              Leave out the ${bad} bad ${bad === 1 ? 'row' : 'rows'} and import the ${preview.valid} good ones</label>`}
            ${bad > 0 && !skip && html`<span class="faint">An import takes the whole file or nothing: fix the rows above, or leave them out.</span>`}
            <button type="submit" class="button primary" disabled=${!canImport}>${importing ? 'Importing…' : `Import ${preview.valid} ${preview.valid === 1 ? 'bar' : 'bars'}`}</button>
          </div>`}
    </form>
  <//>`;
}
