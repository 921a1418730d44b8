// Sign-in: password, then the second factor when the account has one; then whatever the account
// must do first (a new password after a one-time one, two-factor enrolment for administrators).
import { html, useState, useEffect } from '../lib/html.js';
import { api } from '../lib/api.js';
import { adopt, me, tokens } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { useStore } from '../lib/store.js';
import { HOME } from '../routes.js';
import { TwoFactorEnrolment } from '../ui/two-factor.js';

function safeNext(query) {
  const next = query.get('next');
  // Only a path inside the app: never another origin (an open redirect).
  return next && next.startsWith('/') && !next.startsWith('//') ? next : HOME;
}

async function loadMe() {
  const user = await api.get('/api/v1/me');
  me.set(user);
  return user;
}

function stepFor(user) {
  if (user.passwordChangeRequired) return 'password';
  if (user.roles.includes('admin') && !user.twoFactorEnabled) return 'two-factor';
  return null;
}

export default function SignIn({ query }) {
  const session = useStore(tokens);
  const [step, setStep] = useState(query.get('step') || 'password-sign-in');
  const [mfaToken, setMfaToken] = useState(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const next = safeNext(query);

  useEffect(() => {
    const wanted = query.get('step');
    if (wanted && session) setStep(wanted);
  }, [query.toString()]);

  const finish = async () => {
    const user = await loadMe();
    const required = stepFor(user);
    if (required) setStep(required);
    else navigate(next, { replace: true });
  };

  const attempt = async (work) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure.problem?.detail || failure.message);
    } finally {
      setBusy(false);
    }
  };

  const onPassword = (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    attempt(async () => {
      const answer = await api.post('/api/v1/auth/login', { username: form.get('username'), password: form.get('password') }, { anonymous: true, quiet: true });
      if (answer.mfaRequired) {
        setMfaToken(answer.mfaToken);
        setStep('second-factor');
        return;
      }
      adopt(answer);
      await finish();
    });
  };

  const onSecondFactor = (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    attempt(async () => {
      adopt(await api.post('/api/v1/auth/login/mfa', { mfaToken, code: String(form.get('code')).replace(/\s+/g, '') }, { anonymous: true, quiet: true }));
      await finish();
    });
  };

  const onNewPassword = (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (form.get('newPassword') !== form.get('repeat')) {
      setError('The two new passwords differ.');
      return;
    }
    attempt(async () => {
      adopt(await api.post('/api/v1/me/password', { currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword'), keepApiKeys: true }, { quiet: true }));
      await finish();
    });
  };

  return html`<div class="auth-screen">
    <div class="card auth-card" data-step=${step}>
      <div class="brand-line"><img src=${import.meta.resolve('/assets/icon.svg')} alt="" />Sextant</div>
      ${error && html`<div class="notice error" role="alert">${error}</div>`}
      ${step === 'password-sign-in' && html`
        <form class="form" onSubmit=${onPassword} aria-label="Sign in">
          <h1>Sign in</h1>
          <div class="field"><label for="username">Username</label>
            <input class="input" id="username" name="username" autocomplete="username" required maxlength="64" autofocus /></div>
          <div class="field"><label for="password">Password</label>
            <input class="input" id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024" /></div>
          <button class="button primary" type="submit" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
          <p class="muted">No account? <a href="/register">Create one</a> where this server allows it, or ask its administrator.</p>
        </form>`}
      ${step === 'second-factor' && html`
        <form class="form" onSubmit=${onSecondFactor} aria-label="Second factor">
          <h1>Two-factor sign-in</h1>
          <p class="muted">Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
          <div class="field"><label for="code">Code</label>
            <input class="input mono" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="20" autofocus /></div>
          <button class="button primary" type="submit" disabled=${busy}>${busy ? 'Checking…' : 'Verify'}</button>
          <button class="button ghost" type="button" onClick=${() => { setStep('password-sign-in'); setError(null); }}>Back</button>
        </form>`}
      ${step === 'password' && html`
        <form class="form" onSubmit=${onNewPassword} aria-label="Choose a new password">
          <h1>Choose your password</h1>
          <p class="muted">You signed in with a one-time password. Choose your own to go on: at least 12 characters; a passphrase of a few words is best.</p>
          <div class="field"><label for="currentPassword">One-time password</label>
            <input class="input" id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required /></div>
          <div class="field"><label for="newPassword">New password</label>
            <input class="input" id="newPassword" name="newPassword" type="password" autocomplete="new-password" required minlength="12" maxlength="1024" /></div>
          <div class="field"><label for="repeat">New password again</label>
            <input class="input" id="repeat" name="repeat" type="password" autocomplete="new-password" required minlength="12" maxlength="1024" /></div>
          <button class="button primary" type="submit" disabled=${busy}>Set password</button>
        </form>`}
      ${step === 'two-factor' && html`
        <div class="form">
          <h1>Turn on two-factor sign-in</h1>
          <p class="muted">Administrators must add a second factor before anything else.</p>
          <${TwoFactorEnrolment} onDone=${finish} />
        </div>`}
    </div>
  </div>`;
}
