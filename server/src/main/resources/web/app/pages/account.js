// The account: who you are, your password, second factor and sessions, your API keys (shown
// once), your own provider keys (BYOK, masked) and your preferences (region, privacy).
import { html, useState, useEffect, useRef, useCallback } from '../lib/html.js';
import { api } from '../lib/api.js';
import { adopt, me } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { useStore } from '../lib/store.js';
import { useStyles } from '../lib/styles.js';
import { date, dateTime, relative } from '../lib/format.js';
import { preferences, loadPreferences, savePreferences } from '../lib/preferences.js';
import { Page } from '../ui/page.js';
import { Loading, Empty, ErrorState } from '../ui/states.js';
import { DataTable } from '../ui/table.js';
import { Dialog, Confirm } from '../ui/dialog.js';
import { toast } from '../ui/toast.js';
import { Icon } from '../ui/icons.js';
import { Field, FormNotice, formError } from '../ui/auth-form.js';
import { TwoFactorEnrolment, RecoveryCodes, copyText } from '../ui/two-factor.js';
import { signOut, signOutEverywhere } from '../ui/sign-out.js';

const TABS = [
  { id: 'profile', label: 'Profile' },
  { id: 'security', label: 'Security' },
  { id: 'api-keys', label: 'API keys' },
  { id: 'provider-keys', label: 'Provider keys' },
  { id: 'preferences', label: 'Preferences' },
];

// Loads a GET once and again on reload(): { data, error, reload }.
function useResource(path) {
  const [state, setState] = useState({ data: null, error: null });
  const reload = useCallback(() => {
    api.get(path, { quiet: true }).then((data) => setState({ data, error: null })).catch((error) => setState({ data: null, error }));
  }, [path]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

// A form's busy flag and its inline error, around one async submit.
function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async (work) => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (failure) {
      setError(formError(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

function Tabs({ current, onPick }) {
  const list = useRef(null);
  const onKey = (event) => {
    const at = TABS.findIndex((t) => t.id === current);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const tab = TABS[(to + TABS.length) % TABS.length];
    onPick(tab.id);
    list.current?.querySelector(`#tab-${tab.id}`)?.focus();
  };
  return html`<div class="tabs account-tabs" role="tablist" aria-label="Account sections" ref=${list} onKeyDown=${onKey}>
    ${TABS.map((t) => html`<button type="button" role="tab" key=${t.id} id=${`tab-${t.id}`} aria-controls=${`panel-${t.id}`}
      aria-selected=${t.id === current ? 'true' : 'false'} tabindex=${t.id === current ? 0 : -1}
      onClick=${() => onPick(t.id)}>${t.label}</button>`)}
  </div>`;
}

// ---- Profile --------------------------------------------------------------------------------

function Profile({ user }) {
  return html`<div class="grid account-two">
    <section class="card" aria-labelledby="profile-title">
      <div class="card-header"><h2 id="profile-title">Profile</h2></div>
      <dl class="facts">
        <div><dt>Username</dt><dd data-username>${user.username}</dd></div>
        <div><dt>Roles</dt><dd class="badges" data-roles>${user.roles.map((r) => html`<span class="badge info" key=${r}>${r}</span>`)}</dd></div>
        <div><dt>Two-factor sign-in</dt><dd>${user.twoFactorEnabled
          ? html`<span class="badge ok">On</span>`
          : html`<span class="badge stale">Off</span>`}</dd></div>
        <div><dt>Account id</dt><dd class="mono muted account-id">${user.id}</dd></div>
      </dl>
    </section>
    <section class="card" aria-labelledby="session-title">
      <div class="card-header"><h2 id="session-title">This browser</h2></div>
      <p class="muted">You are signed in here. The session renews itself in the background while the app is open,
        so it lasts as long as you use it; signing out ends it at once.</p>
      <div class="form-row card-actions">
        <button class="button" type="button" onClick=${signOut}><${Icon} name="signout" />Sign out</button>
        <a class="button ghost" href="/account?tab=security">Sessions and security</a>
      </div>
    </section>
  </div>`;
}

// ---- Security -------------------------------------------------------------------------------

function PasswordCard() {
  const { busy, error, setError, run } = useSubmit();
  const form = useRef(null);
  const onSubmit = (event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (data.get('newPassword') !== data.get('repeat')) {
      setError({ message: 'The two new passwords differ.', field: 'repeat' });
      return;
    }
    run(async () => {
      const answer = await api.post('/api/v1/me/password', {
        currentPassword: data.get('currentPassword'),
        newPassword: data.get('newPassword'),
        keepApiKeys: data.get('keepApiKeys') === 'on',
      }, { quiet: true });
      adopt(answer);
      form.current?.reset();
      toast('Password changed', `Every other session ended. ${answer.apiKeys?.summary || ''}`.trim(), 'success');
    });
  };
  const fields = ['currentPassword', 'newPassword', 'repeat'];
  return html`<section class="card" aria-labelledby="password-title">
    <div class="card-header"><h2 id="password-title">Password</h2></div>
    <form class="form" onSubmit=${onSubmit} ref=${form} aria-label="Change password">
      <${FormNotice} error=${error} fields=${fields} />
      <${Field} id="pw-current" name="currentPassword" label="Current password" error=${error} type="password" autocomplete="current-password" required maxlength="1024" />
      <${Field} id="pw-new" name="newPassword" label="New password" error=${error} type="password" autocomplete="new-password" required minlength="12" maxlength="1024"
        hint="At least 12 characters, not a common password, not your username." />
      <${Field} id="pw-repeat" name="repeat" label="New password again" error=${error} type="password" autocomplete="new-password" required minlength="12" maxlength="1024" />
      <label class="checkbox"><input type="checkbox" name="keepApiKeys" defaultChecked /> Keep my API keys working</label>
      <p class="hint muted">Changing the password signs out every other session${' '}(this one stays signed in).</p>
      <div><button class="button primary" type="submit" disabled=${busy}>${busy ? 'Changing…' : 'Change password'}</button></div>
    </form>
  </section>`;
}

// A code from the app (or a recovery code) to confirm a change to the second factor.
function CodeForm({ label, action, danger, onSubmit, onCancel, busy, error }) {
  return html`<form class="form code-form" onSubmit=${(e) => { e.preventDefault(); onSubmit(String(new FormData(e.currentTarget).get('code')).replace(/\s+/g, '')); }}
      aria-label=${label}>
    <${FormNotice} error=${error} fields=${['code']} />
    <${Field} id=${`code-${action.replace(/\W+/g, '-').toLowerCase()}`} name="code" label="Code from your authenticator app (or a recovery code)" error=${error}
      class="input mono code-input" autocomplete="one-time-code" required maxlength="20" />
    <div class="form-row">
      <button class=${`button ${danger ? 'danger' : 'primary'}`} type="submit" disabled=${busy}>${busy ? 'Checking…' : action}</button>
      <button class="button ghost" type="button" onClick=${onCancel}>Cancel</button>
    </div>
  </form>`;
}

function TwoFactorCard({ user }) {
  const [mode, setMode] = useState(null); // 'enrol' | 'codes' | 'disable' | null
  const [codes, setCodes] = useState(null);
  const { busy, error, setError, run } = useSubmit();
  const admin = user.roles.includes('admin');
  const pick = (next) => { setMode(next); setError(null); setCodes(null); };

  const replace = (code) => run(async () => {
    const answer = await api.post('/api/v1/me/2fa/recovery-codes', { code }, { quiet: true });
    setCodes(answer.recoveryCodes);
  });
  const disable = (code) => run(async () => {
    await api.post('/api/v1/me/2fa/disable', { code }, { quiet: true });
    me.set({ ...me.get(), twoFactorEnabled: false });
    pick(null);
    toast('Two-factor sign-in is off', 'Sign-in now asks for your password only; your recovery codes no longer work.', 'success');
  });

  let body;
  if (mode === 'enrol') {
    body = html`<${TwoFactorEnrolment} onCancel=${() => pick(null)}
      onDone=${() => { pick(null); toast('Two-factor sign-in is on', 'Each sign-in now asks for a code from your app.', 'success'); }} />`;
  } else if (codes) {
    body = html`<${RecoveryCodes} codes=${codes} doneLabel="Done" onDone=${() => pick(null)} />`;
  } else if (mode === 'codes') {
    body = html`<p class="muted">New codes replace the old ones, which stop working at once.</p>
      <${CodeForm} label="Replace recovery codes" action="Create new recovery codes" onSubmit=${replace} onCancel=${() => pick(null)} busy=${busy} error=${error} />`;
  } else if (mode === 'disable') {
    body = html`<p class="muted">Sign-in will ask for your password only, and your recovery codes stop working.</p>
      <${CodeForm} label="Turn off two-factor sign-in" action="Turn off two-factor sign-in" danger onSubmit=${disable} onCancel=${() => pick(null)} busy=${busy} error=${error} />`;
  } else if (user.twoFactorEnabled) {
    body = html`<p class="muted">Each sign-in asks for a code from your authenticator app, or one of your recovery codes.</p>
      <div class="form-row card-actions">
        <button class="button" type="button" onClick=${() => pick('codes')}>New recovery codes</button>
        ${admin
          ? html`<span class="hint muted">Mandatory for administrators: it cannot be turned off.</span>`
          : html`<button class="button danger" type="button" onClick=${() => pick('disable')}>Turn off</button>`}
      </div>`;
  } else {
    body = html`<p class="muted">Add a second step to sign-in: a 6-digit code from an authenticator app on your phone. Someone who learns your password still cannot get in.</p>
      <div class="card-actions"><button class="button primary" type="button" onClick=${() => pick('enrol')}>Turn on two-factor sign-in</button></div>`;
  }
  return html`<section class="card" aria-labelledby="twofa-title" data-two-factor=${user.twoFactorEnabled ? 'on' : 'off'}>
    <div class="card-header"><h2 id="twofa-title">Two-factor sign-in</h2>
      ${user.twoFactorEnabled ? html`<span class="badge ok">On</span>` : html`<span class="badge stale">Off</span>`}</div>
    <div class="form">${body}</div>
  </section>`;
}

function SessionsCard() {
  const [asking, setAsking] = useState(false);
  const [keep, setKeep] = useState(true);
  return html`<section class="card" aria-labelledby="sessions-title">
    <div class="card-header"><h2 id="sessions-title">Sessions</h2></div>
    <div class="form">
      <p class="muted">Signed in on a device you no longer have? Sign out everywhere: every session of your account ends at once, this one included.</p>
      <label class="checkbox"><input type="checkbox" checked=${keep} onChange=${(e) => setKeep(e.currentTarget.checked)} /> Keep API keys working (programs stay connected)</label>
      <div class="form-row card-actions">
        <button class="button danger" type="button" onClick=${() => setAsking(true)}><${Icon} name="signout" />Sign out everywhere</button>
      </div>
    </div>
    ${asking && html`<${Confirm} title="Sign out everywhere?" danger confirmLabel="Sign out everywhere"
      message=${keep ? 'Every session of your account ends, this one too. Your API keys keep working.' : 'Every session of your account ends, this one too, and every API key stops working.'}
      onConfirm=${() => signOutEverywhere({ keepApiKeys: keep }).catch(() => {})} onClose=${() => setAsking(false)} />`}
  </section>`;
}

function Security({ user }) {
  return html`<div class="grid account-two account-security">
    <${PasswordCard} />
    <div class="grid"><${TwoFactorCard} user=${user} /><${SessionsCard} /></div>
  </div>`;
}

// ---- API keys -------------------------------------------------------------------------------

const DAY = 86_400_000;
const EXPIRIES = [
  { id: 'default', label: '90 days (default)', days: null },
  { id: '7', label: '7 days', days: 7 },
  { id: '30', label: '30 days', days: 30 },
  { id: '365', label: '1 year', days: 365 },
  { id: '729', label: '2 years (longest)', days: 729 },
];

function keyStatus(key) {
  if (key.revokedAt) return { id: 'revoked', label: 'Revoked', badge: 'conflict' };
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now()) return { id: 'expired', label: 'Expired', badge: 'stale' };
  return { id: 'live', label: 'Active', badge: 'ok' };
}

function NewKeyDialog({ created, onClose }) {
  return html`<${Dialog} title="Your new API key" onClose=${onClose}>
    <h2>Copy your new API key</h2>
    <div class="notice warn" role="note"><strong>This is the only time the key is shown.</strong> Store it in your program’s secret store now; Sextant keeps only a hash and cannot show it again.</div>
    <div class="field"><label for="new-key">API key “${created.name}”</label>
      <div class="copy-row">
        <input class="input mono" id="new-key" readonly value=${created.key} data-new-key onFocus=${(e) => e.currentTarget.select()} />
        <button class="button" type="button" onClick=${() => copyText(created.key, 'The API key')}><${Icon} name="copy" />Copy</button>
      </div>
      <span class="hint">Send it as <code>X-API-Key: …</code>. Scopes: ${created.scopes.join(', ')}; expires ${dateTime(created.expiresAt)}.</span>
    </div>
    <div class="dialog-actions"><button class="button primary" type="button" onClick=${onClose}>I stored it</button></div>
  <//>`;
}

function CreateKey({ onCreated }) {
  const scopes = useResource('/api/v1/me/api-keys/scopes');
  const { busy, error, setError, run } = useSubmit();
  const form = useRef(null);
  const onSubmit = (event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const chosen = data.getAll('scope').map(String);
    if (!chosen.length) {
      setError({ message: 'Choose at least one scope.', field: 'scopes' });
      return;
    }
    const expiry = EXPIRIES.find((e) => e.id === data.get('expiry'));
    run(async () => {
      const created = await api.post('/api/v1/me/api-keys', {
        name: String(data.get('name')).trim(),
        scopes: chosen,
        ...(expiry?.days ? { expiresAt: new Date(Date.now() + expiry.days * DAY).toISOString() } : {}),
      }, { quiet: true });
      form.current?.reset();
      onCreated(created);
    });
  };
  return html`<section class="card" aria-labelledby="new-key-title">
    <div class="card-header"><h2 id="new-key-title">Create an API key</h2></div>
    <form class="form" onSubmit=${onSubmit} ref=${form} aria-label="Create an API key">
      <p class="muted">For programs, scripts and MCP clients. A key holds only the scopes you tick, and cannot manage keys or your account.</p>
      <${FormNotice} error=${error} fields=${['name', 'scopes', 'expiresAt']} />
      <div class="form-row">
        <${Field} id="key-name" name="name" label="Name" error=${error} required maxlength="100" placeholder="e.g. Laptop notebook" autocomplete="off" />
        <${Field} id="key-expiry" name="expiry" label="Expires after" error=${error && error.field === 'expiresAt' ? { ...error, field: 'expiry' } : null}>
          <select class="select" id="key-expiry" name="expiry">${EXPIRIES.map((e) => html`<option value=${e.id} key=${e.id}>${e.label}</option>`)}</select>
        <//>
      </div>
      <fieldset class="scopes" aria-describedby=${error?.field === 'scopes' ? 'scopes-error' : undefined}>
        <legend>Scopes</legend>
        ${scopes.error && html`<${ErrorState} error=${scopes.error} retry=${scopes.reload} />`}
        ${!scopes.data && !scopes.error && html`<${Loading} label="Loading scopes…" />`}
        ${scopes.data?.scopes.map((s) => html`<label class=${`scope ${s.grantable ? '' : 'disabled'}`} key=${s.name}>
          <input type="checkbox" name="scope" value=${s.name} disabled=${!s.grantable} defaultChecked=${s.name === 'marketdata:read'} />
          <span><span class="mono scope-name">${s.name}</span>${!s.grantable && html` <span class="badge">administrators only</span>`}
            <span class="hint">${s.description}</span></span>
        </label>`)}
        ${error?.field === 'scopes' && html`<span class="error" id="scopes-error" role="alert">${error.message}</span>`}
      </fieldset>
      <div><button class="button primary" type="submit" disabled=${busy || !scopes.data}><${Icon} name="plus" />${busy ? 'Creating…' : 'Create key'}</button></div>
    </form>
  </section>`;
}

function ApiKeys() {
  const keys = useResource('/api/v1/me/api-keys');
  const [created, setCreated] = useState(null);
  const [revoking, setRevoking] = useState(null);
  const [showAll, setShowAll] = useState(false);

  const revoke = async (key) => {
    try {
      await api.del(`/api/v1/me/api-keys/${encodeURIComponent(key.id)}`);
      toast('Key revoked', `“${key.name}” (${key.prefix}…) stopped working.`, 'success');
    } finally {
      keys.reload();
    }
  };

  const all = keys.data?.apiKeys || [];
  const live = all.filter((k) => keyStatus(k).id === 'live');
  const rows = showAll ? all : live;
  const columns = [
    { key: 'name', label: 'Name' },
    { key: 'prefix', label: 'Key', render: (k) => html`<code>${k.prefix}…</code>` },
    { key: 'scopes', label: 'Scopes', sortable: false, render: (k) => html`<span class="badges key-scopes">${k.scopes.map((s) => html`<span class="badge" key=${s}>${s}</span>`)}</span>` },
    { key: 'createdAt', label: 'Created', render: (k) => html`<span title=${dateTime(k.createdAt)}>${date(k.createdAt)}</span>` },
    { key: 'expiresAt', label: 'Expires', render: (k) => html`<span title=${dateTime(k.expiresAt)}>${date(k.expiresAt)}</span>` },
    { key: 'lastUsedAt', label: 'Last used', render: (k) => (k.lastUsedAt ? relative(k.lastUsedAt) : html`<span class="muted">never</span>`) },
    { key: 'status', label: 'Status', value: (k) => keyStatus(k).label, render: (k) => html`<span class=${`badge ${keyStatus(k).badge}`}>${keyStatus(k).label}</span>` },
    { key: 'actions', label: 'Actions', sortable: false, render: (k) => (keyStatus(k).id === 'live'
      ? html`<button class="button danger small" type="button" aria-label=${`Revoke ${k.name}`} onClick=${() => setRevoking(k)}>Revoke</button>`
      : '') },
  ];
  return html`<div class="grid">
    <${CreateKey} onCreated=${(key) => { setCreated(key); keys.reload(); }} />
    <section class="card" aria-labelledby="keys-title">
      <div class="card-header"><h2 id="keys-title">Your API keys</h2>
        ${all.length > live.length && html`<label class="checkbox"><input type="checkbox" checked=${showAll} onChange=${(e) => setShowAll(e.currentTarget.checked)} /> Show revoked and expired</label>`}
      </div>
      ${keys.error && html`<${ErrorState} error=${keys.error} retry=${keys.reload} />`}
      ${!keys.data && !keys.error && html`<${Loading} label="Loading API keys…" />`}
      ${keys.data && !rows.length && html`<${Empty} title="No active API keys">Create one above for a program or an MCP client.<//>`}
      ${keys.data && rows.length > 0 && html`<${DataTable} caption="Your API keys" columns=${columns} rows=${rows} rowKey=${(k) => k.id}
        initialSort=${{ key: 'createdAt', dir: -1 }} />`}
    </section>
    ${created && html`<${NewKeyDialog} created=${created} onClose=${() => setCreated(null)} />`}
    ${revoking && html`<${Confirm} title=${`Revoke “${revoking.name}”?`} danger confirmLabel="Revoke key"
      message=${`Programs using ${revoking.prefix}… stop working at once. This cannot be undone.`}
      onConfirm=${() => revoke(revoking).catch(() => {})} onClose=${() => setRevoking(null)} />`}
  </div>`;
}

// ---- Provider keys (BYOK) -------------------------------------------------------------------

const PROVIDERS = [
  { purpose: 'provider:polygon', label: 'Polygon.io' },
  { purpose: 'provider:alphavantage', label: 'Alpha Vantage' },
  { purpose: 'provider:fmp', label: 'Financial Modeling Prep' },
  { purpose: 'provider:finnhub', label: 'Finnhub' },
  { purpose: 'provider:newsapi', label: 'NewsAPI' },
  { purpose: 'other', label: 'Other (enter a purpose)' },
];

function purposeLabel(purpose) {
  return PROVIDERS.find((p) => p.purpose === purpose)?.label || purpose;
}

function AddSecret({ onAdded }) {
  const [choice, setChoice] = useState(PROVIDERS[0].purpose);
  const { busy, error, run } = useSubmit();
  const form = useRef(null);
  const onSubmit = (event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const purpose = choice === 'other' ? String(data.get('purpose')).trim() : choice;
    run(async () => {
      const stored = await api.post('/api/v1/me/secrets', { purpose, name: String(data.get('name')).trim() || 'default', value: String(data.get('value')).trim() }, { quiet: true });
      form.current?.reset();
      setChoice(PROVIDERS[0].purpose);
      toast('Key stored', stored.purpose.startsWith('provider:')
        ? `${purposeLabel(stored.purpose)} key ${stored.masked} is stored encrypted. Test it to check that the provider takes it.`
        : `Key ${stored.masked} for ${stored.purpose} is stored encrypted.`, 'success');
      onAdded();
    });
  };
  return html`<section class="card" aria-labelledby="add-secret-title">
    <div class="card-header"><h2 id="add-secret-title">Add a provider key</h2></div>
    <form class="form" onSubmit=${onSubmit} ref=${form} aria-label="Add a provider key">
      <p class="muted">Bring your own key for a data provider: Sextant then fetches with it for you, and what it buys is served to you only. Keys are encrypted at rest and never shown again, only masked.</p>
      <${FormNotice} error=${error} fields=${['purpose', 'name', 'value']} />
      <div class="form-row">
        <${Field} id="secret-provider" name="provider" label="Provider">
          <select class="select" id="secret-provider" value=${choice} onChange=${(e) => setChoice(e.currentTarget.value)}>
            ${PROVIDERS.map((p) => html`<option value=${p.purpose} key=${p.purpose}>${p.label}</option>`)}
          </select>
        <//>
        ${choice === 'other' && html`<${Field} id="secret-purpose" name="purpose" label="Purpose" error=${error} required maxlength="40"
          placeholder="e.g. llm:openai" autocomplete="off" autocapitalize="none" spellcheck="false" />`}
        <${Field} id="secret-name" name="name" label="Label" error=${error} maxlength="100" placeholder="default" autocomplete="off" />
      </div>
      <${Field} id="secret-value" name="value" label="Key" error=${error} type="password" required maxlength="4096" autocomplete="off" spellcheck="false" class="input mono" />
      <div><button class="button primary" type="submit" disabled=${busy}><${Icon} name="plus" />${busy ? 'Storing…' : 'Store key'}</button></div>
    </form>
  </section>`;
}

const CHECK_BADGES = { accepted: ['ok', 'Key works'], refused: ['conflict', 'Refused'], 'rate-limited': ['stale', 'Rate-limited'], 'held-back': ['stale', 'Not checked'], unavailable: ['stale', 'No answer'] };

function CheckResult({ check }) {
  if (!check) return html`<span class="muted">–</span>`;
  if (check.busy) return html`<span class="muted" role="status">Asking the provider…</span>`;
  if (check.error) {
    return html`<span class="key-check" role="alert"><span class="badge conflict" data-check="error">${check.error.title || 'Cannot test'}</span>
      <span class="hint">${check.error.message}</span></span>`;
  }
  const [badge, label] = CHECK_BADGES[check.result.outcome] || ['stale', check.result.outcome];
  return html`<span class="key-check" role="status"><span class=${`badge ${badge}`} data-check=${check.result.outcome}>${label}</span>
    <span class="hint">${check.result.detail}</span></span>`;
}

function ProviderKeys() {
  const secrets = useResource('/api/v1/me/secrets');
  const [deleting, setDeleting] = useState(null);
  const [checks, setChecks] = useState({});
  const remove = async (secret) => {
    try {
      await api.del(`/api/v1/me/secrets/${encodeURIComponent(secret.id)}`);
      toast('Key deleted', `${purposeLabel(secret.purpose)} key ${secret.masked} is gone; the server’s own key (if any) is used again.`, 'success');
    } finally {
      secrets.reload();
    }
  };
  const test = async (secret) => {
    setChecks((all) => ({ ...all, [secret.id]: { busy: true } }));
    try {
      const result = await api.post(`/api/v1/me/secrets/${encodeURIComponent(secret.id)}/test`, null, { quiet: true });
      setChecks((all) => ({ ...all, [secret.id]: { result } }));
    } catch (failure) {
      setChecks((all) => ({ ...all, [secret.id]: { error: formError(failure) } }));
    }
  };
  const list = secrets.data?.secrets || [];
  const name = (s) => `${purposeLabel(s.purpose)} key ${s.name}`;
  const columns = [
    { key: 'purpose', label: 'Provider', value: (s) => purposeLabel(s.purpose), render: (s) => html`${purposeLabel(s.purpose)} <span class="muted mono">${s.purpose}</span>` },
    { key: 'name', label: 'Label' },
    { key: 'masked', label: 'Key', sortable: false, render: (s) => html`<code data-masked>${s.masked}</code>` },
    { key: 'createdAt', label: 'Added', render: (s) => html`<span title=${dateTime(s.createdAt)}>${date(s.createdAt)}</span>` },
    { key: 'check', label: 'Check', sortable: false, render: (s) => html`<${CheckResult} check=${checks[s.id]} />` },
    { key: 'actions', label: 'Actions', sortable: false, render: (s) => html`<span class="row-actions">
      ${s.purpose.startsWith('provider:') && html`<button class="button small" type="button" aria-label=${`Test ${name(s)}`}
        disabled=${checks[s.id]?.busy} onClick=${() => test(s)}>Test</button>`}
      <button class="button danger small" type="button" aria-label=${`Delete ${name(s)}`} onClick=${() => setDeleting(s)}><${Icon} name="trash" />Delete</button>
    </span>` },
  ];
  return html`<div class="grid">
    <${AddSecret} onAdded=${secrets.reload} />
    <section class="card" aria-labelledby="secrets-title">
      <div class="card-header"><h2 id="secrets-title">Your provider keys</h2></div>
      ${secrets.error && html`<${ErrorState} error=${secrets.error} retry=${secrets.reload} />`}
      ${!secrets.data && !secrets.error && html`<${Loading} label="Loading provider keys…" />`}
      ${secrets.data && !list.length && html`<${Empty} title="No provider keys">Sextant uses the server’s own providers for you until you add a key.<//>`}
      ${list.length > 0 && html`<${DataTable} caption="Your provider keys" columns=${columns} rows=${list} rowKey=${(s) => s.id} />`}
      <p class="hint muted">A key takes effect within a minute. Test asks the provider one small question with the key (it counts against your quota there); a key the provider refuses is skipped and the data comes from the next provider.</p>
    </section>
    ${deleting && html`<${Confirm} title="Delete this key?" danger confirmLabel="Delete key"
      message=${`${purposeLabel(deleting.purpose)} key “${deleting.name}” (${deleting.masked}) is deleted for good.`}
      onConfirm=${() => remove(deleting).catch(() => {})} onClose=${() => setDeleting(null)} />`}
  </div>`;
}

// ---- Preferences ----------------------------------------------------------------------------

const REGIONS = {
  US: 'United States', EU: 'European Union', UK: 'United Kingdom', JP: 'Japan', CA: 'Canada',
  AU: 'Australia', SG: 'Singapore', CH: 'Switzerland', OTHER: 'Other',
};

function Preferences() {
  const saved = useStore(preferences);
  const [failed, setFailed] = useState(null);
  const [draft, setDraft] = useState(null);
  const { busy, error, run } = useSubmit();
  const load = () => { setFailed(null); loadPreferences({ force: true }).catch(setFailed); };
  useEffect(load, []);
  useEffect(() => { if (saved) setDraft({ region: saved.region, keepQueryHistory: saved.keepQueryHistory, shareUsageMetrics: saved.shareUsageMetrics }); }, [saved]);

  if (failed) return html`<${ErrorState} error=${failed} retry=${load} />`;
  if (!saved || !draft) return html`<${Loading} label="Loading preferences…" />`;

  const set = (name, value) => setDraft({ ...draft, [name]: value });
  const changed = draft.region !== saved.region || draft.keepQueryHistory !== saved.keepQueryHistory || draft.shareUsageMetrics !== saved.shareUsageMetrics;
  const onSubmit = (event) => {
    event.preventDefault();
    run(async () => {
      await savePreferences(draft);
      toast('Preferences saved', 'They apply wherever you sign in.', 'success');
    });
  };
  return html`<form class="grid prefs-grid" onSubmit=${onSubmit} aria-label="Preferences">
    <section class="card" aria-labelledby="region-title">
      <div class="card-header"><h2 id="region-title">Region</h2></div>
      <div class="form">
        <${FormNotice} error=${error} fields=${['region']} />
        <${Field} id="pref-region" name="region" label="Your region" error=${error}
          hint="The markets and conventions you follow. Kept with your account, so it is the same in every browser.">
          <select class="select" id="pref-region" name="region" value=${draft.region} onChange=${(e) => set('region', e.currentTarget.value)}>
            ${(saved.regions || Object.keys(REGIONS)).map((r) => html`<option value=${r} key=${r}>${REGIONS[r] || r}</option>`)}
          </select>
        <//>
      </div>
    </section>
    <section class="card" aria-labelledby="privacy-title">
      <div class="card-header"><h2 id="privacy-title">Privacy</h2></div>
      <div class="form">
        <label class="toggle"><input type="checkbox" name="keepQueryHistory" checked=${draft.keepQueryHistory}
            onChange=${(e) => set('keepQueryHistory', e.currentTarget.checked)} />
          <span><strong>Keep query history in this browser</strong>
            <span class="hint">The query console remembers the queries you ran, in this browser only. Off: it keeps none.</span></span></label>
        <label class="toggle"><input type="checkbox" name="shareUsageMetrics" checked=${draft.shareUsageMetrics}
            onChange=${(e) => set('shareUsageMetrics', e.currentTarget.checked)} />
          <span><strong>Share anonymous usage metrics</strong>
            <span class="hint">Off unless you turn it on. Sextant itself sends nothing anywhere; this records your consent for this server’s operator.</span></span></label>
      </div>
    </section>
    <div class="form-row prefs-actions">
      <button class="button primary" type="submit" disabled=${busy || !changed}>${busy ? 'Saving…' : 'Save preferences'}</button>
      <span class="muted" data-saved-at>${saved.updatedAt ? `Last saved ${dateTime(saved.updatedAt)}` : 'Defaults: never saved.'}${changed ? ' · Unsaved changes' : ''}</span>
    </div>
  </form>`;
}

// ---- The page -------------------------------------------------------------------------------

export default function Account({ query }) {
  useStyles('/assets/app/styles/account.css');
  const user = useStore(me);
  const wanted = query.get('tab');
  const tab = TABS.some((t) => t.id === wanted) ? wanted : 'profile';
  const pick = (id) => navigate(id === 'profile' ? '/account' : `/account?tab=${id}`, { replace: true });

  if (!user) return html`<${Page} title="Account"><${Loading} label="Loading your account…" /><//>`;
  const panels = { profile: Profile, security: Security, 'api-keys': ApiKeys, 'provider-keys': ProviderKeys, preferences: Preferences };
  const Panel = panels[tab];
  return html`<${Page} title="Account" subtitle=${html`Signed in as <strong>${user.username}</strong>`} label="account">
    <${Tabs} current=${tab} onPick=${pick} />
    <div class="account-panel" role="tabpanel" id=${`panel-${tab}`} aria-labelledby=${`tab-${tab}`} data-tab=${tab}>
      <${Panel} user=${user} />
    </div>
  <//>`;
}
