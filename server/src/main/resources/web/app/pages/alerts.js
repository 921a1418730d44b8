// Alerts: the user's TRACK alerts (docs/DSL.md, "TRACK: alerts"), created from a statement or from
// symbol + condition fields that compose one, paused, resumed, deleted, and each one's firings.
// A firing arrives live over the stream (ui/notifications.js toasts it anywhere in the app).
import { html, useEffect, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useStore } from '../lib/store.js';
import { price, number, dateTime, relative } from '../lib/format.js';
import { useStyles } from '../lib/styles.js';
import { Page } from '../ui/page.js';
import { Loading, Empty, ErrorState } from '../ui/states.js';
import { Provenance } from '../ui/provenance.js';
import { Dialog, Confirm } from '../ui/dialog.js';
import { StreamBadge, firedAlerts } from '../ui/notifications.js';
import { toast } from '../ui/toast.js';

const METRICS = [
  { value: 'PRICE', label: 'Price', hint: 'a price, e.g. 200' },
  { value: 'CHANGE(1d)', label: 'Change over 1 day', hint: 'a percentage, e.g. -2%' },
  { value: 'RSI(14)', label: 'RSI (14)', hint: 'from 0 to 100, e.g. 30' },
  { value: 'SMA(50)', label: 'SMA (50)', hint: 'a price' },
  { value: 'VOLUME', label: 'Volume today', hint: 'shares, e.g. 1000000' },
];
const OPERATORS = [['>', 'is above'], ['>=', 'is at or above'], ['<', 'is below'], ['<=', 'is at or below']];
const EXAMPLES = [
  'TRACK AAPL WHEN PRICE > 200',
  'TRACK BTC-USD WHEN RSI(14) < 30 AND PRICE BELOW SMA(50)',
  'TRACK SPY WHEN CHANGE(1d) <= -2% OR TREND IS BEARISH',
];

export function compose(symbol, metric, operator, value) {
  const s = symbol.trim().toUpperCase();
  const v = value.trim();
  if (!s || !v) return '';
  return `TRACK ${s} WHEN ${metric} ${operator} ${v}`;
}

function Builder({ symbol, setSymbol, onStatement }) {
  const [metric, setMetric] = useState('PRICE');
  const [operator, setOperator] = useState('>');
  const [value, setValue] = useState('');
  const statement = compose(symbol, metric, operator, value);
  useEffect(() => onStatement(statement), [statement]);
  const hint = METRICS.find((m) => m.value === metric)?.hint;
  return html`<div class="form">
    <div class="form-row">
      <div class="field">
        <label for="alert-symbol">Symbol</label>
        <input id="alert-symbol" class="input mono" value=${symbol} placeholder="AAPL" autocomplete="off" spellcheck="false"
          onInput=${(e) => setSymbol(e.currentTarget.value.toUpperCase())} />
      </div>
      <div class="field">
        <label for="alert-metric">When</label>
        <select id="alert-metric" class="select" value=${metric} onChange=${(e) => setMetric(e.currentTarget.value)}>
          ${METRICS.map((m) => html`<option value=${m.value} key=${m.value}>${m.label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="alert-operator">Condition</label>
        <select id="alert-operator" class="select" value=${operator} onChange=${(e) => setOperator(e.currentTarget.value)}>
          ${OPERATORS.map(([op, label]) => html`<option value=${op} key=${op}>${label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="alert-value">Value</label>
        <input id="alert-value" class="input mono" value=${value} placeholder=${hint} aria-describedby="alert-value-hint"
          onInput=${(e) => setValue(e.currentTarget.value)} />
      </div>
    </div>
    <div class="hint muted" id="alert-value-hint">Value: ${hint}, or another metric such as SMA(200).</div>
  </div>`;
}

function CreateAlert({ initialSymbol, onCreated }) {
  const [mode, setMode] = useState('build');
  const [symbol, setSymbol] = useState(initialSymbol || '');
  const [built, setBuilt] = useState('');
  const [text, setText] = useState(initialSymbol ? `TRACK ${initialSymbol} WHEN PRICE > ` : '');
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const statement = mode === 'build' ? built : text.trim();

  const submit = async (event) => {
    event.preventDefault();
    if (!statement) return;
    setBusy(true);
    setProblem(null);
    try {
      const alert = await api.post('/api/v1/alerts', { query: statement }, { quiet: true });
      toast('Alert created', alert.statement, 'success');
      setText('');
      onCreated(alert);
    } catch (error) {
      setProblem(error.problem || { title: 'Not created', detail: error.message });
    } finally {
      setBusy(false);
    }
  };
  const switchTo = (next) => {
    if (next === 'text' && built) setText(built);
    setMode(next);
    setProblem(null);
  };
  const where = problem && (problem.line || problem.column) ? ` (line ${problem.line ?? 1}, column ${problem.column ?? '?'})` : '';

  return html`<section class="card create-alert" aria-labelledby="create-alert-title">
    <div class="card-header">
      <h2 id="create-alert-title">New alert</h2>
      <div class="segmented" role="group" aria-label="How to write the alert">
        <button type="button" aria-pressed=${mode === 'build' ? 'true' : 'false'} onClick=${() => switchTo('build')}>Fields</button>
        <button type="button" aria-pressed=${mode === 'text' ? 'true' : 'false'} onClick=${() => switchTo('text')}>TRACK statement</button>
      </div>
    </div>
    <form class="form" onSubmit=${submit}>
      ${mode === 'build'
        ? html`<${Builder} symbol=${symbol} setSymbol=${setSymbol} onStatement=${setBuilt} />`
        : html`<div class="field">
            <label for="alert-statement">TRACK statement</label>
            <textarea id="alert-statement" class="textarea" rows="3" spellcheck="false" value=${text}
              aria-invalid=${problem ? 'true' : 'false'} aria-describedby="alert-examples"
              onInput=${(e) => setText(e.currentTarget.value)}></textarea>
            <div class="examples" id="alert-examples">
              <span class="muted">Examples:</span>
              ${EXAMPLES.map((ex) => html`<button type="button" class="button ghost small mono" key=${ex} onClick=${() => setText(ex)}>${ex}</button>`)}
            </div>
          </div>`}
      ${mode === 'build' && html`<div class="preview"><span class="muted">Statement</span> <code>${built || 'TRACK … WHEN …'}</code></div>`}
      ${problem && html`<div class="notice error" role="alert" data-problem>
        <strong>${problem.title || 'Not created'}</strong>${where}: ${problem.detail}
      </div>`}
      <div class="form-actions">
        <button type="submit" class="button primary" disabled=${busy || !statement}>Create alert</button>
        <span class="muted">Fires once when the condition becomes true on the live price, then waits for it to turn false again.</span>
      </div>
    </form>
  </section>`;
}

function Firings({ alert, onClose }) {
  const [firings, setFirings] = useState(null);
  const fired = useStore(firedAlerts);
  useEffect(() => {
    api.get(`/api/v1/alerts/${alert.id}/firings`, { query: { limit: 100 } })
      .then((r) => setFirings(r.firings)).catch(() => setFirings([]));
  }, [alert.id, fired.filter((f) => f.alert === alert.id).length]);
  return html`<${Dialog} title=${`Firings of ${alert.symbol}`} onClose=${onClose} className="firings-dialog">
    <h2>Firings</h2>
    <p class="mono statement">${alert.statement}</p>
    ${!firings
      ? html`<${Loading} label="Loading firings…" />`
      : firings.length === 0
        ? html`<${Empty} title="Not fired yet">It fires when its condition becomes true on the live price.<//>`
        : html`<div class="table-wrap"><table class="table">
            <caption class="visually-hidden">When the alert fired</caption>
            <thead><tr><th scope="col">Fired</th><th scope="col" class="num">Price</th><th scope="col">Values</th><th scope="col">Source</th></tr></thead>
            <tbody>${firings.map((f) => html`<tr key=${f.firedAt}>
              <td><time datetime=${f.firedAt} title=${f.firedAt}>${dateTime(f.firedAt)}</time></td>
              <td class="num">${price(f.price)}</td>
              <td class="values">${Object.entries(f.values || {}).map(([k, v]) => html`<span key=${k}><span class="muted">${k}</span> ${v === null ? '–' : number(v, Math.abs(v) >= 100 ? 2 : 4)}</span>`)}</td>
              <td><${Provenance} source=${{ provider: f.provider, demo: f.demo }} /></td>
            </tr>`)}</tbody>
          </table></div>`}
    <div class="dialog-actions"><button class="button" onClick=${onClose}>Close</button></div>
  <//>`;
}

function AlertList({ alerts, onChange, onRemoved }) {
  const [history, setHistory] = useState(null);
  const [deleting, setDeleting] = useState(null);
  const [busy, setBusy] = useState(null);

  const toggle = async (alert) => {
    setBusy(alert.id);
    try {
      onChange(await api.post(`/api/v1/alerts/${alert.id}/${alert.state === 'active' ? 'pause' : 'resume'}`));
    } catch { /* the toast says why */ } finally { setBusy(null); }
  };
  const remove = async (alert) => {
    try {
      await api.del(`/api/v1/alerts/${alert.id}`);
      onRemoved(alert);
      toast('Alert deleted', alert.statement, 'success');
    } catch { /* the toast says why */ }
  };

  if (!alerts.length) {
    return html`<section class="card"><${Empty} title="No alerts yet">Create one above: it is evaluated on every live quote of its symbol.<//></section>`;
  }
  return html`<section class="card" aria-labelledby="your-alerts-title">
    <div class="card-header"><h2 id="your-alerts-title">Your alerts</h2><span class="muted">${alerts.length} of at most 100</span></div>
    <div class="table-wrap">
      <table class="table alerts-table">
        <caption class="visually-hidden">Your alerts</caption>
        <thead><tr>
          <th scope="col">Symbol</th><th scope="col">Condition</th><th scope="col">State</th>
          <th scope="col">Last fired</th><th scope="col">Last evaluated</th><th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr></thead>
        <tbody>
          ${alerts.map((a) => html`<tr key=${a.id} data-alert=${a.id}>
            <td><a class="symbol" href=${`/markets/${encodeURIComponent(a.symbol)}`}>${a.symbol}</a></td>
            <td class="condition mono" title=${a.statement}>${a.condition}</td>
            <td><span class=${`badge ${a.state === 'active' ? 'ok' : ''}`} data-state=${a.state}>${a.state === 'active' ? 'Active' : 'Paused'}</span></td>
            <td>${a.lastFiredAt ? html`<time datetime=${a.lastFiredAt} title=${relative(a.lastFiredAt)}>${dateTime(a.lastFiredAt)}</time>` : html`<span class="muted">never</span>`}</td>
            <td>${a.lastEvaluatedAt ? html`<time datetime=${a.lastEvaluatedAt} title=${relative(a.lastEvaluatedAt)}>${dateTime(a.lastEvaluatedAt)}</time>` : html`<span class="muted">not yet</span>`}</td>
            <td><div class="row-actions">
              <button class="button small" disabled=${busy === a.id} onClick=${() => toggle(a)} aria-label=${`${a.state === 'active' ? 'Pause' : 'Resume'} ${a.statement}`}>${a.state === 'active' ? 'Pause' : 'Resume'}</button>
              <button class="button small" onClick=${() => setHistory(a)} aria-label=${`Firings of ${a.statement}`}>Firings</button>
              <button class="button small danger" onClick=${() => setDeleting(a)} aria-label=${`Delete ${a.statement}`}>Delete</button>
            </div></td>
          </tr>`)}
        </tbody>
      </table>
    </div>
    ${history && html`<${Firings} alert=${history} onClose=${() => setHistory(null)} />`}
    ${deleting && html`<${Confirm} title="Delete this alert?" danger confirmLabel="Delete"
        message=${`${deleting.statement}: the alert and its firing history are deleted. This cannot be undone.`}
        onConfirm=${() => remove(deleting)} onClose=${() => setDeleting(null)} />`}
  </section>`;
}

export default function Alerts({ query }) {
  useStyles('/assets/app/styles/alerts.css');
  const [alerts, setAlerts] = useState(null);
  const [error, setError] = useState(null);
  const fired = useStore(firedAlerts);
  const symbol = (query?.get('symbol') || '').toUpperCase();

  const load = () => {
    setError(null);
    api.get('/api/v1/alerts', { quiet: true }).then((r) => setAlerts(r.alerts)).catch(setError);
  };
  useEffect(load, []);
  // A firing (toasted by the shell) changes that alert's last fired: read the list again.
  useEffect(() => { if (fired.length && alerts) load(); }, [fired.length]);

  return html`<${Page} title="Alerts" subtitle="TRACK alerts on live prices: you get a notification here the moment one fires"
      actions=${html`<${StreamBadge} />`}>
    <${CreateAlert} key=${symbol} initialSymbol=${symbol}
      onCreated=${(a) => setAlerts((list) => [...(list || []), a])} />
    ${error ? html`<${ErrorState} error=${error} retry=${load} />`
      : !alerts ? html`<${Loading} label="Loading your alerts…" />`
      : html`<${AlertList} alerts=${alerts}
          onChange=${(a) => setAlerts((list) => list.map((x) => (x.id === a.id ? a : x)))}
          onRemoved=${(a) => setAlerts((list) => list.filter((x) => x.id !== a.id))} />`}
  <//>`;
}
