// Administration: accounts (create, roles, disable, second-factor reset, delete), the audit log
// with its chain verification, the providers' live state, and the server's vital signs. Each
// section is a tab with its own address (/admin/accounts, /admin/audit, ...).
import { html, useState, useEffect, useCallback, useRef } from '../lib/html.js';
import { useStore } from '../lib/store.js';
import { navigate } from '../lib/router.js';
import { me } from '../lib/session.js';
import { api } from '../lib/api.js';
import { useStyles } from '../lib/styles.js';
import { number, percent, dateTime, date, relative, compact } from '../lib/format.js';
import { Page } from '../ui/page.js';
import { Loading, Empty, ErrorState } from '../ui/states.js';
import { DataTable } from '../ui/table.js';
import { Dialog, Confirm } from '../ui/dialog.js';
import { toast } from '../ui/toast.js';
import { registerCommands } from '../ui/palette.js';

const SECTIONS = [
  { id: 'accounts', label: 'Accounts' },
  { id: 'audit', label: 'Audit log' },
  { id: 'providers', label: 'Providers' },
  { id: 'metrics', label: 'Metrics' },
];
const ROLES = ['user', 'analyst', 'admin'];

// Loads once and again on reload(): { data, error, loading, reload }
function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const run = useCallback(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }),
    );
    return () => { live = false; };
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

export default function Admin({ params }) {
  useStyles('/assets/app/styles/admin.css');
  const self = useStore(me);
  // Nothing of the administration is asked for until the account is known to be an administrator.
  if (!self) return html`<div class="page"><${Loading} /></div>`;
  if (!self.roles.includes('admin')) {
    return html`<div class="page"><${ErrorState} error=${{ problem: { title: 'Administrators only', detail: 'Your account is not allowed to see this page.' } }} /></div>`;
  }
  return html`<${Sections} section=${params.section} />`;
}

function Sections({ section: wanted }) {
  const params = { section: wanted };
  useEffect(() => registerCommands(SECTIONS.map((s) => ({
    id: `admin:${s.id}`, title: `Administration: ${s.label}`, kind: 'Page', keywords: 'admin', run: () => navigate(`/admin/${s.id}`),
  }))), []);
  const section = SECTIONS.some((s) => s.id === params.section) ? params.section : 'accounts';
  const unknown = params.section && !SECTIONS.some((s) => s.id === params.section);
  const tabs = useRef(null);

  const onKey = (event) => {
    const index = SECTIONS.findIndex((s) => s.id === section);
    let next = null;
    if (event.key === 'ArrowRight') next = (index + 1) % SECTIONS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + SECTIONS.length) % SECTIONS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = SECTIONS.length - 1;
    if (next === null) return;
    event.preventDefault();
    navigate(`/admin/${SECTIONS[next].id}`);
    requestAnimationFrame(() => tabs.current?.querySelector('[aria-selected="true"]')?.focus());
  };

  return html`<${Page} title="Administration" subtitle="Accounts, the audit trail, data providers and the server's health">
    <div class="tabs admin-tabs" role="tablist" aria-label="Administration sections" ref=${tabs} onKeyDown=${onKey}>
      ${SECTIONS.map((s) => html`<button type="button" role="tab" key=${s.id} id=${`admin-tab-${s.id}`}
          aria-selected=${s.id === section ? 'true' : 'false'} aria-controls="admin-panel"
          tabindex=${s.id === section ? 0 : -1}
          onClick=${() => navigate(`/admin/${s.id}`)}>${s.label}</button>`)}
    </div>
    <div id="admin-panel" role="tabpanel" aria-labelledby=${`admin-tab-${section}`} class="admin-panel">
      ${unknown
        ? html`<${ErrorState} error=${{ problem: { title: 'No such section', detail: `Pick one of the tabs above.` } }} />`
        : section === 'accounts' ? html`<${Accounts} />`
        : section === 'audit' ? html`<${Audit} />`
        : section === 'providers' ? html`<${Providers} />`
        : html`<${Metrics} />`}
    </div>
  <//>`;
}

// ---- Accounts -----------------------------------------------------------------------------------

function Accounts() {
  const self = useStore(me);
  const [page, setPage] = useState(0);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => { setQuery(search.trim()); setPage(0); }, 200);
    return () => clearTimeout(timer);
  }, [search]);
  const size = 50;
  const listing = useLoad(() => api.get('/api/v1/admin/accounts', { query: { page, size, q: query || undefined } }), [page, query]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState(null);
  const [confirming, setConfirming] = useState(null);

  const act = async (what, call, done) => {
    try {
      await call();
      toast(done, '', 'success');
      listing.reload();
    } catch { /* api.js showed the problem */ }
  };

  const actions = (account) => {
    const isSelf = self && self.id === account.id;
    return html`<div class="row-actions">
      <button class="button small" onClick=${() => setEditing(account)}
          aria-label=${`Edit roles of ${account.username}`}>Roles</button>
      ${account.disabled
        ? html`<button class="button small" aria-label=${`Enable ${account.username}`}
            onClick=${() => setConfirming({
              title: `Enable ${account.username}?`,
              message: 'The account can sign in again and its API keys work again.',
              label: 'Enable',
              run: () => act('enable', () => api.post(`/api/v1/admin/accounts/${account.id}/enable`), `${account.username} enabled`),
            })}>Enable</button>`
        : html`<button class="button small" disabled=${isSelf} title=${isSelf ? 'You cannot disable your own account' : undefined}
            aria-label=${`Disable ${account.username}`}
            onClick=${() => setConfirming({
              title: `Disable ${account.username}?`,
              message: 'Every session, API key and stream of this account stops working at once, and it cannot sign in until enabled again.',
              label: 'Disable',
              danger: true,
              run: () => act('disable', () => api.post(`/api/v1/admin/accounts/${account.id}/disable`), `${account.username} disabled`),
            })}>Disable</button>`}
      <button class="button small danger" disabled=${isSelf} aria-label=${`Delete ${account.username}`}
          onClick=${() => setConfirming({
            title: `Delete ${account.username}?`,
            message: 'The account and its tokens are gone for good. This cannot be undone.',
            label: 'Delete',
            danger: true,
            run: () => act('delete', () => api.del(`/api/v1/admin/accounts/${account.id}`), `${account.username} deleted`),
          })}>Delete</button>
    </div>`;
  };

  const resetButton = (account) => html`
      <button class="button small ghost"
          aria-label=${`Reset two-factor sign-in of ${account.username}`}
          onClick=${() => setConfirming({
            title: `Reset two-factor sign-in of ${account.username}?`,
            message: 'Its authenticator secret and recovery codes are deleted and its sessions end. It must enrol again (administrators before anything else).',
            label: 'Reset 2FA',
            danger: true,
            run: () => act('reset', () => api.post(`/api/v1/admin/accounts/${account.id}/2fa/reset`), `Two-factor sign-in of ${account.username} reset`),
          })}>Reset</button>`;

  const columns = [
    { key: 'username', label: 'Username', render: (a) => html`<span class="username">${a.username}</span>${self && self.id === a.id ? html` <span class="badge info">you</span>` : ''}` },
    { key: 'roles', label: 'Roles', value: (a) => a.roles.join(', '), render: (a) => html`<span class="badges">${a.roles.map((r) => html`<span class=${`badge role-${r}`} key=${r}>${r}</span>`)}</span>` },
    { key: 'twoFactorEnabled', label: '2FA', render: (a) => a.twoFactorEnabled ? html`<span class="two-factor"><span class="badge ok">on</span>${resetButton(a)}</span>` : html`<span class="badge">off</span>` },
    {
      key: 'disabled', label: 'Status', value: (a) => (a.disabled ? 2 : a.locked ? 1 : 0),
      render: (a) => a.disabled ? html`<span class="badge conflict">disabled</span>`
        : a.locked ? html`<span class="badge stale" title=${`Sign-in held back until ${dateTime(a.lockedUntil)}`}>locked until ${dateTime(a.lockedUntil)}</span>`
        : a.passwordChangeRequired ? html`<span class="badge info" title="Signs in with a one-time password that must be replaced">password due</span>`
        : html`<span class="badge ok">active</span>`,
    },
    { key: 'createdAt', label: 'Created', render: (a) => html`<time datetime=${a.createdAt} title=${dateTime(a.createdAt)}>${date(a.createdAt)}</time>` },
    { key: 'lastSignInAt', label: 'Last sign-in', render: (a) => a.lastSignInAt ? html`<time datetime=${a.lastSignInAt} title=${dateTime(a.lastSignInAt)}>${relative(a.lastSignInAt)}</time>` : html`<span class="faint">never</span>` },
    { key: 'actions', label: 'Actions', sortable: false, render: actions },
  ];

  const data = listing.data;
  return html`<section class="card" aria-labelledby="accounts-title">
    <div class="card-header">
      <h2 id="accounts-title">Accounts ${data && html`<span class="muted count">${number(data.total, 0)}</span>`}</h2>
      <div class="form-row">
        <input class="input account-search" type="search" aria-label="Find accounts by username" placeholder="Find by username…"
          maxlength="64" value=${search} onInput=${(e) => setSearch(e.currentTarget.value)} />
        <button class="button primary" onClick=${() => setCreating(true)}>Create account</button>
      </div>
    </div>
    ${listing.error ? html`<${ErrorState} error=${listing.error} retry=${listing.reload} />`
      : !data ? html`<${Loading} label="Loading accounts…" />`
      : data.accounts.length === 0 ? html`<${Empty} title=${query ? 'No such account' : 'No accounts'}>${query ? `No username contains “${query}”.` : 'Create the first one.'}<//>`
      : html`<div class="accounts-table"><${DataTable} caption="Accounts" columns=${columns} rows=${data.accounts} rowKey=${(a) => a.id} /></div>
        <${Pager} page=${page} hasMore=${data.hasMore} onPage=${setPage} label="Accounts pages" />`}
    ${creating && html`<${CreateAccount} onClose=${() => setCreating(false)} onCreated=${(username) => { if (username) setSearch(username); listing.reload(); }} />`}
    ${editing && html`<${EditRoles} account=${editing} onClose=${() => setEditing(null)} onSaved=${listing.reload} />`}
    ${confirming && html`<${Confirm} title=${confirming.title} message=${confirming.message}
        confirmLabel=${confirming.label} danger=${confirming.danger}
        onConfirm=${confirming.run} onClose=${() => setConfirming(null)} />`}
  </section>`;
}

function RolePicker({ roles, onChange, legend }) {
  const toggle = (role) => onChange(roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role]);
  return html`<fieldset class="roles-picker">
    <legend class="label">${legend}</legend>
    ${ROLES.map((role) => html`<label class="checkbox" key=${role}>
      <input type="checkbox" checked=${roles.includes(role)} onChange=${() => toggle(role)} />
      <span>${role}</span>
    </label>`)}
  </fieldset>`;
}

function CreateAccount({ onClose, onCreated }) {
  const [username, setUsername] = useState('');
  const [roles, setRoles] = useState(['user']);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState(null);
  const [created, setCreated] = useState(null);

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setFieldError(null);
    try {
      const answer = await api.post('/api/v1/admin/accounts', { username, roles });
      setCreated(answer);
      toast('Account created', `${answer.username} must set a new password at the first sign-in.`, 'success');
      onCreated(username);
    } catch (error) {
      const problem = error.problem || {};
      if (problem.field === 'username' || problem.parameter === 'username' || (problem.errors || []).some?.((e) => e.field === 'username')) {
        setFieldError(problem.detail);
      }
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.oneTimePassword);
      toast('Copied', 'The one-time password is on the clipboard.', 'success');
    } catch {
      toast('Could not copy', 'Select the password and copy it by hand.', 'warn');
    }
  };

  if (created) {
    return html`<${Dialog} title="Account created" onClose=${onClose}>
      <h2>Account created</h2>
      <p>Give <strong>${created.username}</strong> this one-time password. It is shown only now; the first sign-in must replace it.</p>
      <div class="field">
        <label for="otp">One-time password</label>
        <div class="otp-row">
          <input id="otp" class="input otp" readonly value=${created.oneTimePassword} onFocus=${(e) => e.target.select()} />
          <button class="button" onClick=${copy}>Copy</button>
        </div>
      </div>
      <div class="dialog-actions"><button class="button primary" onClick=${onClose}>Done</button></div>
    <//>`;
  }
  return html`<${Dialog} title="Create account" onClose=${onClose}>
    <h2>Create account</h2>
    <form class="form" onSubmit=${submit}>
      <div class="field">
        <label for="new-username">Username</label>
        <input id="new-username" class="input" autocomplete="off" required value=${username}
          aria-invalid=${fieldError ? 'true' : undefined} aria-describedby="new-username-hint"
          onInput=${(e) => setUsername(e.target.value)} />
        <div id="new-username-hint" class=${fieldError ? 'error' : 'hint'}>${fieldError || '3 to 64 letters, digits, ".", "_" or "-".'}</div>
      </div>
      <${RolePicker} roles=${roles} onChange=${setRoles} legend="Roles" />
      <div class="dialog-actions">
        <button type="button" class="button" onClick=${onClose}>Cancel</button>
        <button type="submit" class="button primary" disabled=${busy || !username.trim() || roles.length === 0}>Create</button>
      </div>
    </form>
  <//>`;
}

function EditRoles({ account, onClose, onSaved }) {
  const [roles, setRoles] = useState(account.roles);
  const [busy, setBusy] = useState(false);
  const save = async (event) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.put(`/api/v1/admin/accounts/${account.id}/roles`, { roles });
      toast('Roles changed', `${account.username}: ${roles.join(', ')}`, 'success');
      onSaved();
      onClose();
    } catch {
      setBusy(false);
    }
  };
  return html`<${Dialog} title=${`Roles of ${account.username}`} onClose=${onClose}>
    <h2>Roles of ${account.username}</h2>
    <form class="form" onSubmit=${save}>
      <${RolePicker} roles=${roles} onChange=${setRoles} legend="Roles" />
      <p class="muted">The change applies to the account's very next request.</p>
      <div class="dialog-actions">
        <button type="button" class="button" onClick=${onClose}>Cancel</button>
        <button type="submit" class="button primary" disabled=${busy || roles.length === 0}>Save roles</button>
      </div>
    </form>
  <//>`;
}

function Pager({ page, hasMore, onPage, label }) {
  if (page === 0 && !hasMore) return null;
  return html`<nav class="pager" aria-label=${label}>
    <button class="button small" disabled=${page === 0} onClick=${() => onPage(page - 1)}>Previous</button>
    <span class="muted">Page ${page + 1}</span>
    <button class="button small" disabled=${!hasMore} onClick=${() => onPage(page + 1)}>Next</button>
  </nav>`;
}

// ---- Audit ---------------------------------------------------------------------------------------

// Audit event types, as the server names them (its /api/v1/admin/audit refuses any other).
const EVENT_TYPES = [
  'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_THROTTLED', 'REFRESH_TOKEN_REUSED', 'LOGOUT', 'LOGOUT_EVERYWHERE',
  'PASSWORD_CHANGED', 'ACCOUNT_CREATED', 'ACCOUNT_DELETED', 'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'ROLE_CHANGED',
  'API_KEY_CREATED', 'API_KEY_REVOKED', 'TWO_FACTOR_ENABLED', 'TWO_FACTOR_DISABLED', 'TWO_FACTOR_RESET',
  'RECOVERY_CODE_USED', 'AUDIT_LOG_READ', 'IMPORT_OVERRIDDEN', 'TOOL_WRITE', 'OAUTH_CLIENT_REGISTERED',
  'OAUTH_CONSENT', 'OAUTH_TOKEN_REFUSED', 'ALERT_CREATED', 'ALERT_PAUSED', 'ALERT_RESUMED', 'ALERT_DELETED',
  'DATA_ACCESS',
];
const FAILURES = new Set(['LOGIN_FAILED', 'LOGIN_THROTTLED', 'REFRESH_TOKEN_REUSED', 'OAUTH_TOKEN_REFUSED']);

// A datetime-local value (local time, no zone) as an ISO instant, or undefined.
function instant(local) {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function Audit() {
  const [draft, setDraft] = useState({ type: '', actor: '', from: '', to: '' });
  const [filters, setFilters] = useState(draft);
  const [page, setPage] = useState(0);
  const size = 50;
  const events = useLoad(() => api.get('/api/v1/admin/audit', {
    query: { type: filters.type, actor: filters.actor, from: instant(filters.from), to: instant(filters.to), page, size },
  }), [filters, page]);
  const verification = useLoad(() => api.get('/api/v1/admin/audit/verify'), []);
  // Account ids read as usernames where known (the log stores ids, which survive a rename or deletion).
  const self = useStore(me);
  const known = useLoad(() => everyAccount().catch(() => []), []);
  const everyone = [...(known.data || []), ...(self ? [{ id: self.id, username: self.username }] : [])];
  const names = new Map(everyone.map((a) => [a.id, a.username]));
  const idOf = (text) => {
    const wanted = text.trim().toLowerCase();
    const found = everyone.find((a) => a.username === wanted);
    return found ? found.id : text.trim();
  };
  const who = (id) => {
    if (!id) return null;
    const name = names.get(id);
    return name ? html`<span class="who" title=${id}>${name}</span>` : html`<code class="id" title=${id}>${short(id)}</code>`;
  };

  const apply = (event) => {
    event.preventDefault();
    setPage(0);
    setFilters({ ...draft, actor: draft.actor ? idOf(draft.actor) : '' });
  };
  const clear = () => {
    const empty = { type: '', actor: '', from: '', to: '' };
    setDraft(empty);
    setPage(0);
    setFilters(empty);
  };
  const set = (name) => (e) => setDraft({ ...draft, [name]: e.target.value });

  const columns = [
    { key: 'occurredAt', label: 'Time', value: (e) => e.occurredAt, render: (e) => html`<time datetime=${e.occurredAt}>${dateTime(e.occurredAt)}</time>` },
    { key: 'type', label: 'Type', render: (e) => html`<code class="event-type">${e.type}</code>` },
    { key: 'actor', label: 'Actor', value: (e) => names.get(e.actor) || e.actor, render: (e) => who(e.actor) || html`<span class="faint">system</span>` },
    { key: 'subject', label: 'Target', value: (e) => names.get(e.subject) || e.subject, render: (e) => who(e.subject) || html`<span class="faint">–</span>` },
    { key: 'outcome', label: 'Outcome', value: (e) => (FAILURES.has(e.type) ? 1 : 0), render: (e) => FAILURES.has(e.type) ? html`<span class="badge conflict">refused</span>` : html`<span class="badge ok">done</span>` },
    { key: 'details', label: 'Details', sortable: false, render: (e) => html`<span class="details">${details(e)}</span>` },
  ];

  return html`<div class="grid">
    <${Verification} state=${verification} />
    <section class="card" aria-labelledby="audit-title">
      <div class="card-header"><h2 id="audit-title">Events</h2><span class="muted">newest first</span></div>
      <form class="form-row audit-filters" onSubmit=${apply} aria-label="Audit filters">
        <div class="field">
          <label for="audit-type">Type</label>
          <select id="audit-type" class="select" value=${draft.type} onChange=${set('type')}>
            <option value="">Any type</option>
            ${EVENT_TYPES.map((t) => html`<option value=${t} key=${t}>${t}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="audit-actor">Actor</label>
          <input id="audit-actor" class="input" value=${draft.actor} onInput=${set('actor')} placeholder="username or id" />
        </div>
        <div class="field">
          <label for="audit-from">From</label>
          <input id="audit-from" class="input" type="datetime-local" value=${draft.from} onInput=${set('from')} />
        </div>
        <div class="field">
          <label for="audit-to">To</label>
          <input id="audit-to" class="input" type="datetime-local" value=${draft.to} onInput=${set('to')} />
        </div>
        <div class="filter-actions">
          <button type="submit" class="button primary">Apply filters</button>
          <button type="button" class="button ghost" onClick=${clear}>Clear</button>
        </div>
      </form>
      ${events.error ? html`<${ErrorState} error=${events.error} retry=${events.reload} />`
        : !events.data ? html`<${Loading} label="Loading events…" />`
        : events.data.events.length === 0 ? html`<${Empty} title="No events">No event matches these filters.<//>`
        : html`<${DataTable} caption="Audit events" columns=${columns} rows=${events.data.events} rowKey=${(e) => e.seq} />
          <${Pager} page=${page} hasMore=${events.data.hasMore} onPage=${setPage} label="Audit pages" />`}
    </section>
  </div>`;
}

// Every account's id and username, a page at a time (up to 2,000 accounts).
async function everyAccount() {
  const all = [];
  for (let page = 0; page < 10; page++) {
    const answer = await api.get('/api/v1/admin/accounts', { query: { page, size: 200 }, quiet: true });
    all.push(...answer.accounts);
    if (!answer.hasMore) break;
  }
  return all;
}

function short(id) {
  return /^[0-9a-f-]{36}$/.test(id) ? `${id.slice(0, 8)}…` : id;
}

function details(event) {
  const parts = [];
  const d = event.details && typeof event.details === 'object' ? event.details : {};
  for (const [key, value] of Object.entries(d)) parts.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (event.clientAddress) parts.push(`from ${event.clientAddress}`);
  return parts.join(' · ') || '–';
}

function Verification({ state }) {
  const v = state.data;
  let body;
  if (state.error) body = html`<${ErrorState} error=${state.error} retry=${state.reload} />`;
  else if (!v) body = html`<${Loading} label="Verifying the chain…" />`;
  else if (v.intact) {
    body = html`<div class="verify-line">
      <span class="badge ok verify-badge" data-verified="true">Verified</span>
      <span>Chain intact: <strong>${number(v.checked, 0)}</strong> events verified, each linked to the one before.</span>
    </div>`;
  } else {
    body = html`<div class="verify-line">
      <span class="badge conflict verify-badge" data-verified="false">Broken</span>
      <span>Broken after <strong>${number(v.checked, 0)}</strong> good events: ${v.problem}</span>
    </div>`;
  }
  return html`<section class=${`card verification ${v ? (v.intact ? 'intact' : 'broken') : ''}`} aria-labelledby="verify-title" aria-live="polite">
    <div class="card-header">
      <h2 id="verify-title">Chain verification</h2>
      <button class="button small" onClick=${state.reload} disabled=${state.loading}>Verify again</button>
    </div>
    ${body}
  </section>`;
}

// ---- Providers -----------------------------------------------------------------------------------

const CIRCUIT = {
  closed: { label: 'closed', kind: 'ok' },
  half_open: { label: 'half-open', kind: 'stale' },
  open: { label: 'open', kind: 'conflict' },
  forced_open: { label: 'forced open', kind: 'conflict' },
  disabled: { label: 'disabled', kind: '' },
};

function per(duration) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration || '');
  if (!match) return duration || '';
  const seconds = (+match[1] || 0) * 3600 + (+match[2] || 0) * 60 + (+match[3] || 0);
  if (seconds === 86400) return 'day';
  if (seconds === 3600) return 'hour';
  if (seconds === 60) return 'minute';
  if (seconds === 1) return 'second';
  return `${seconds} s`;
}

function Providers() {
  const state = useLoad(() => api.get('/api/v1/providers'), []);
  if (state.error) return html`<${ErrorState} error=${state.error} retry=${state.reload} />`;
  if (!state.data) return html`<${Loading} label="Loading providers…" />`;
  const { providers, caches, sharedCache } = state.data;
  const cacheColumns = [
    { key: 'name', label: 'Cache' },
    { key: 'hitRatio', label: 'Hit ratio', numeric: true, render: (c) => (c.hits + c.staleHits + c.misses === 0 ? html`<span class="faint">no reads yet</span>` : percent(c.hitRatio, 1)) },
    { key: 'hits', label: 'Hits', numeric: true, render: (c) => number(c.hits, 0) },
    { key: 'staleHits', label: 'Stale hits', numeric: true, render: (c) => number(c.staleHits, 0) },
    { key: 'misses', label: 'Misses', numeric: true, render: (c) => number(c.misses, 0) },
    { key: 'failures', label: 'Failures', numeric: true, render: (c) => number(c.failures, 0) },
    { key: 'size', label: 'Entries', numeric: true, render: (c) => number(c.size, 0) },
  ];
  return html`<div class="grid">
    <div class="card-header providers-header">
      <h2>Providers <span class="muted count">${providers.length}</span></h2>
      <button class="button small" onClick=${state.reload}>Refresh</button>
    </div>
    ${providers.length === 0
      ? html`<div class="card"><${Empty} title="No provider enabled">Enable market-data providers in the server's configuration.<//></div>`
      : html`<div class="provider-grid">${providers.map((p) => html`<${ProviderCard} provider=${p} key=${p.id} />`)}</div>`}
    <section class="card" aria-labelledby="caches-title">
      <div class="card-header">
        <h2 id="caches-title">Caches</h2>
        <span class=${`badge ${sharedCache ? 'ok' : ''}`}>${sharedCache ? 'shared cache (Redis) on' : 'local caches only'}</span>
      </div>
      <${DataTable} caption="Cache hit ratios" columns=${cacheColumns} rows=${caches} rowKey=${(c) => c.name} />
    </section>
  </div>`;
}

function ProviderCard({ provider: p }) {
  const circuit = CIRCUIT[p.circuit] || { label: p.circuit, kind: '' };
  const limit = p.rateLimit?.requests ?? 0;
  const used = Math.max(0, limit - Math.max(0, p.requestsLeft));
  const share = limit ? used / limit : 0;
  const score = p.score || {};
  const titleId = `provider-${p.id}`;
  return html`<article class="card provider" aria-labelledby=${titleId} data-provider=${p.id}>
    <div class="provider-head">
      <div>
        <h3 id=${titleId}>${p.id}</h3>
        <div class="muted provider-description">${p.description}</div>
      </div>
      <span class=${`badge circuit ${circuit.kind}`} data-circuit=${p.circuit}>circuit ${circuit.label}</span>
    </div>
    <div class="badges">
      <span class="badge ok">enabled</span>
      ${p.needsKey ? html`<span class="badge info">API key</span>` : html`<span class="badge">no key needed</span>`}
      <span class="badge">${p.licence}</span>
    </div>
    <div class="stats provider-stats">
      <div class="stat"><span class="label">Score</span><span class="value">${number(score.score, 2)}</span></div>
      <div class="stat"><span class="label">Success</span><span class="value">${percent(score.successRate, 1)}</span></div>
      <div class="stat"><span class="label">Latency</span><span class="value">${number(score.latencyMs, 0)} <span class="unit">ms</span></span></div>
      <div class="stat"><span class="label">Failure rate</span><span class="value">${percent(p.failureRate / 100, 1)}</span></div>
    </div>
    <div class="budget">
      <div class="budget-label">
        <span>Budget</span>
        <span class="num">${number(used, 0)} / ${number(limit, 0)} per ${per(p.rateLimit?.per)}</span>
      </div>
      <div class="meter" role="meter" aria-label=${`${p.id} budget used`} aria-valuemin="0" aria-valuemax=${limit} aria-valuenow=${used}
          aria-valuetext=${`${used} of ${limit} requests used`}>
        <div class=${`meter-fill ${share > 0.9 ? 'high' : share > 0.6 ? 'mid' : ''}`} style=${{ width: `${Math.min(100, share * 100)}%` }}></div>
      </div>
    </div>
    <dl class="provider-facts">
      <div><dt>Calls</dt><dd class="num">${number(score.calls, 0)}</dd></div>
      <div><dt>Failures</dt><dd class="num">${number(score.failures, 0)}</dd></div>
      <div class="wide"><dt>Last success</dt><dd>${score.lastSuccessAt ? relative(score.lastSuccessAt) : '–'}</dd></div>
      <div class="wide"><dt>Last failure</dt><dd title=${score.lastFailure || ''}>${score.lastFailureAt ? html`${relative(score.lastFailureAt)}${score.lastFailure ? html` <span class="muted">(${score.lastFailure})</span>` : ''}` : '–'}</dd></div>
    </dl>
    <div class="muted provider-covers">${p.assetClasses.join(', ').toLowerCase()} · ${p.capabilities.join(', ')}</div>
  </article>`;
}

// ---- Metrics -------------------------------------------------------------------------------------

function bytes(value) {
  if (value === null || value === undefined || value < 0) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = value;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${number(n, i === 0 ? 0 : 1)} ${units[i]}`;
}

function duration(seconds) {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${m} min`;
  if (m) return `${m} min`;
  return `${seconds} s`;
}

function Metrics() {
  const state = useLoad(() => api.get('/api/v1/admin/metrics'), []);
  useEffect(() => {
    const timer = setInterval(() => state.reload(), 15000);
    return () => clearInterval(timer);
  }, [state.reload]);
  if (state.error) return html`<${ErrorState} error=${state.error} retry=${state.reload} />`;
  if (!state.data) return html`<${Loading} label="Loading metrics…" />`;
  const { requests: r, caches, jvm, uptimeSeconds, routes, measuredAt } = state.data;
  const tiles = [
    ['Requests', compact(r.total), `${number(r.requestsPerMinute, 1)} / min on average`],
    ['Latency p50', `${number(r.p50Ms, 1)} ms`, `mean ${number(r.meanMs, 1)} ms`],
    ['Latency p95', `${number(r.p95Ms, 1)} ms`, `p99 ${number(r.p99Ms, 1)} ms`],
    ['Server errors', percent(r.errorRate, 2), `${number(r.serverErrors, 0)} answered 5xx`],
    ['Client errors', percent(r.clientErrorRate, 1), `${number(r.clientErrors, 0)} answered 4xx`],
    ['Cache hit ratio', caches.hits + caches.misses === 0 ? '–' : percent(caches.hitRatio, 1), `${compact(caches.hits)} hits, ${compact(caches.misses)} misses`],
    ['JVM heap', bytes(jvm.heapUsedBytes), jvm.heapMaxBytes > 0 ? `of ${bytes(jvm.heapMaxBytes)} max` : `${bytes(jvm.heapCommittedBytes)} committed`],
    ['Threads', number(jvm.liveThreads, 0), `peak ${number(jvm.peakThreads, 0)}`],
    ['Uptime', duration(uptimeSeconds), `CPU ${percent(jvm.processCpu, 0)}`],
  ];
  const columns = [
    { key: 'route', label: 'Route', value: (x) => `${x.method} ${x.uri}`, render: (x) => html`<code>${x.method} ${x.uri}</code>` },
    { key: 'count', label: 'Requests', numeric: true, render: (x) => number(x.count, 0) },
    { key: 'errors', label: '5xx', numeric: true, render: (x) => number(x.errors, 0) },
    { key: 'meanMs', label: 'Mean ms', numeric: true, render: (x) => number(x.meanMs, 1) },
    { key: 'maxMs', label: 'Max ms (last 2 min)', numeric: true, render: (x) => number(x.maxMs, 1) },
  ];
  return html`<div class="grid">
    <section class="card" aria-labelledby="vitals-title">
      <div class="card-header">
        <h2 id="vitals-title">Server</h2>
        <span class="muted">measured <time datetime=${measuredAt}>${dateTime(measuredAt)}</time> · since start</span>
      </div>
      <div class="stats metric-tiles">
        ${tiles.map(([label, value, note]) => html`<div class="stat tile" key=${label}>
          <span class="label">${label}</span><span class="value">${value}</span><span class="note">${note}</span>
        </div>`)}
      </div>
    </section>
    <section class="card" aria-labelledby="routes-title">
      <div class="card-header"><h2 id="routes-title">Busiest routes</h2><span class="muted">top ${routes.length} by requests · Prometheus text at <code>/metrics</code></span></div>
      <${DataTable} caption="Busiest routes" columns=${columns} rows=${routes} rowKey=${(x) => `${x.method} ${x.uri}`} empty="No request served yet." />
    </section>
  </div>`;
}
