// Sign-in: password, then the second factor when the account has one; then whatever the account
// must do first (a new password after a one-time one, two-factor enrolment for administrators),
// and back to the page the user came for (?next=, inside the app only).
import { html, useState, useEffect, useRef } from '../lib/html.js';
import { api } from '../lib/api.js';
import { adopt, me, tokens } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { useStore } from '../lib/store.js';
import { useStyles } from '../lib/styles.js';
import { HOME } from '../routes.js';
import { TwoFactorEnrolment } from '../ui/two-factor.js';
import { Field, FormNotice, formError } from '../ui/auth-form.js';
import { signOut } from '../ui/sign-out.js';

// Only a path inside the app, never another origin (an open redirect), and never back to a
// sign-in page itself.
export function safeNext(query) {
  const next = query.get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME;
  // What the browser makes of it must stay on this origin (a tab or newline can turn "/\t/x" into "//x").
  try {
    if (new URL(next, location.origin).origin !== location.origin) return HOME;
  } catch {
    return HOME;
  }
  if (/^\/(sign-in|register)(\/|\?|$)/.test(next)) return HOME;
  return next;
}

// Whether this server lets anyone create an account: { registration: 'open'|'closed', ... } or null.
export function useSignInOptions() {
  const [options, setOptions] = useState(null);
  useEffect(() => {
    api.get('/api/v1/auth/options', { anonymous: true, quiet: true })
      .then(setOptions)
      .catch(() => setOptions({ registration: 'closed', administratorsCreateAccounts: true }));
  }, []);
  return options;
}

async function loadMe() {
  const user = await api.get('/api/v1/me', { quiet: true });
  me.set(user);
  return user;
}

function stepFor(user) {
  if (user.passwordChangeRequired) return 'password';
  if (user.roles.includes('admin') && !user.twoFactorEnabled) return 'two-factor';
  return null;
}

const TITLES = {
  'password-sign-in': 'Sign in',
  'second-factor': 'Two-factor sign-in',
  password: 'Choose your password',
  'two-factor': 'Turn on two-factor sign-in',
};

// Where a first sign-in is: the steps an account with a one-time password (or an administrator
// without a second factor) goes through before the app.
function Progress({ step, admin }) {
  const steps = [['password', 'New password'], ...(admin ? [['two-factor', 'Two-factor sign-in'], ['codes', 'Recovery codes']] : [])];
  if (steps.length < 2) return null;
  const at = steps.findIndex(([id]) => id === step);
  return html`<ol class="auth-progress" aria-label="First sign-in steps">
    ${steps.map(([id, label], i) => html`<li key=${id} class=${i < at ? 'done' : i === at ? 'current' : ''}
      aria-current=${i === at ? 'step' : undefined}><span class="dot" aria-hidden="true">${i < at ? '✓' : i + 1}</span>${label}</li>`)}
  </ol>`;
}

export default function SignIn({ query }) {
  useStyles('/assets/app/styles/account.css');
  const session = useStore(tokens);
  const user = useStore(me);
  const [step, setStep] = useState(query.get('step') || 'password-sign-in');
  const [mfaToken, setMfaToken] = useState(null);
  const [oneTime, setOneTime] = useState(null); // the one-time password just typed, not asked twice
  const [codesShown, setCodesShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [recovery, setRecovery] = useState(false);
  const options = useSignInOptions();
  const card = useRef(null);
  const next = safeNext(query);

  useEffect(() => {
    const wanted = query.get('step');
    if (wanted && session) setStep(wanted);
  }, [query.toString()]);

  // Already signed in (another tab, a reload): straight on, unless the account has a step to take.
  useEffect(() => {
    if (session && !query.get('step') && step === 'password-sign-in') finish().catch(() => {});
  }, []);

  // Each step starts at its first field.
  useEffect(() => {
    card.current?.querySelector('input:not([type=hidden]), button[type=submit]')?.focus();
  }, [step, recovery]);

  useEffect(() => { document.title = `${TITLES[step] || 'Sign in'} · Sextant`; }, [step]);

  async function finish() {
    const account = await loadMe();
    const required = stepFor(account);
    if (required) {
      setStep(required);
      navigate(`/sign-in?step=${required}${next !== HOME ? `&next=${encodeURIComponent(next)}` : ''}`, { replace: true });
    } else {
      navigate(next, { replace: true });
    }
  }

  const attempt = async (work) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(formError(failure));
    } finally {
      setBusy(false);
    }
  };

  const onPassword = (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    attempt(async () => {
      const answer = await api.post('/api/v1/auth/login', { username: String(form.get('username')).trim(), password }, { anonymous: true, quiet: true });
      if (answer.mfaRequired) {
        setMfaToken(answer.mfaToken);
        setStep('second-factor');
        return;
      }
      if (answer.passwordChangeRequired) setOneTime(password);
      adopt(answer);
      await finish();
    });
  };

  const onSecondFactor = (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    attempt(async () => {
      const code = String(form.get('code')).replace(/\s+/g, '');
      adopt(await api.post('/api/v1/auth/login/mfa', { mfaToken, code }, { anonymous: true, quiet: true }));
      await finish();
    });
  };

  const onNewPassword = (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (form.get('newPassword') !== form.get('repeat')) {
      setError({ message: 'The two new passwords differ.', field: 'repeat' });
      return;
    }
    attempt(async () => {
      const currentPassword = oneTime ?? form.get('currentPassword');
      adopt(await api.post('/api/v1/me/password', { currentPassword, newPassword: form.get('newPassword'), keepApiKeys: true }, { quiet: true }));
      setOneTime(null);
      await finish();
    });
  };

  const back = () => { setStep('password-sign-in'); setError(null); setRecovery(false); setMfaToken(null); };
  const admin = !!user?.roles?.includes('admin');
  const firstSignIn = step === 'password' || step === 'two-factor';

  return html`<div class="auth-screen">
    <div class="card auth-card" data-step=${step} ref=${card}>
      <div class="brand-line"><img src=${import.meta.resolve('/assets/icon.svg')} alt="" />Sextant</div>
      ${firstSignIn && html`<${Progress} step=${step === 'two-factor' && codesShown ? 'codes' : step} admin=${admin || step === 'two-factor'} />`}
      ${step === 'password-sign-in' && html`
        <form class="form" onSubmit=${onPassword} aria-label="Sign in">
          <div><h1>Sign in</h1><p class="muted">Welcome back. Sign in to your Sextant server.</p></div>
          <${FormNotice} error=${error} />
          <${Field} id="username" name="username" label="Username" autocomplete="username" required maxlength="64" autocapitalize="none" spellcheck="false" />
          <${Field} id="password" name="password" label="Password" type="password" autocomplete="current-password" required maxlength="1024" />
          <button class="button primary block" type="submit" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
          ${options && html`<p class="muted auth-footer" data-registration=${options.registration}>
            ${options.registration === 'open'
              ? html`No account yet? <a href="/register">Create account</a>`
              : options.administratorsCreateAccounts
                ? 'No account yet? Ask this server’s administrator to create one for you.'
                : 'This server is not taking new accounts.'}
          </p>`}
        </form>`}
      ${step === 'second-factor' && html`
        <form class="form" onSubmit=${onSecondFactor} aria-label="Second factor">
          <div><h1>Two-factor sign-in</h1>
            <p class="muted">${recovery
              ? 'Enter one of the recovery codes you saved when you turned on two-factor sign-in. Each works once.'
              : 'Enter the 6-digit code your authenticator app shows for Sextant.'}</p></div>
          <${FormNotice} error=${error} fields=${['code']} />
          ${recovery
            ? html`<${Field} id="code" name="code" key="recovery" label="Recovery code" error=${error} class="input mono code-input"
                autocomplete="off" autocapitalize="none" spellcheck="false" required maxlength="20" placeholder="xxxxx-xxxxx" />`
            : html`<${Field} id="code" name="code" key="totp" label="Authentication code" error=${error} class="input mono code-input"
                inputmode="numeric" autocomplete="one-time-code" required maxlength="7" pattern="[0-9 ]{6,7}" placeholder="123 456" />`}
          <button class="button primary block" type="submit" disabled=${busy}>${busy ? 'Checking…' : 'Verify'}</button>
          <div class="auth-links">
            <button class="button ghost small" type="button" onClick=${() => { setRecovery(!recovery); setError(null); }}>
              ${recovery ? 'Use the authenticator app' : 'Use a recovery code'}</button>
            <button class="button ghost small" type="button" onClick=${back}>Back to sign-in</button>
          </div>
        </form>`}
      ${step === 'password' && html`
        <form class="form" onSubmit=${onNewPassword} aria-label="Choose a new password">
          <div><h1>Choose your password</h1>
            <p class="muted">You signed in with a one-time password. Choose your own to go on: at least 12 characters; a passphrase of a few unrelated words is best.</p></div>
          <${FormNotice} error=${error} fields=${['currentPassword', 'newPassword', 'repeat']} />
          ${oneTime === null && html`<${Field} id="currentPassword" name="currentPassword" label="One-time password" error=${error}
            type="password" autocomplete="current-password" required maxlength="1024" />`}
          <${Field} id="newPassword" name="newPassword" label="New password" error=${error} type="password" autocomplete="new-password"
            required minlength="12" maxlength="1024" hint="At least 12 characters, not a common password, not your username." />
          <${Field} id="repeat" name="repeat" label="New password again" error=${error} type="password" autocomplete="new-password" required minlength="12" maxlength="1024" />
          <button class="button primary block" type="submit" disabled=${busy}>${busy ? 'Saving…' : 'Set password'}</button>
          <div class="auth-links"><button class="button ghost small" type="button" onClick=${signOut}>Sign out</button></div>
        </form>`}
      ${step === 'two-factor' && html`
        <div class="form">
          <div><h1>Turn on two-factor sign-in</h1>
            <p class="muted">Administrators must add a second factor before anything else: a code from an authenticator app at each sign-in.</p></div>
          <${TwoFactorEnrolment} onCodes=${() => setCodesShown(true)} onDone=${() => finish().catch((failure) => setError(formError(failure)))} />
          <${FormNotice} error=${error} />
          <div class="auth-links"><button class="button ghost small" type="button" onClick=${signOut}>Sign out</button></div>
        </div>`}
    </div>
  </div>`;
}
