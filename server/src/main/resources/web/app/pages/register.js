// Creating an account, where the server takes registrations (SEXTANT_REGISTRATION=open); where
// it does not, the page says so plainly instead of offering a form that can only be refused.
import { html, useState, useEffect, useRef } from '../lib/html.js';
import { api } from '../lib/api.js';
import { adopt, me } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { useStyles } from '../lib/styles.js';
import { HOME } from '../routes.js';
import { Loading } from '../ui/states.js';
import { Field, FormNotice, formError } from '../ui/auth-form.js';
import { useSignInOptions } from './sign-in.js';

function Closed({ options }) {
  return html`<div class="form" data-registration="closed">
    <div><h1>Registration is closed</h1></div>
    <div class="notice" role="status">
      ${options.administratorsCreateAccounts
        ? 'This server does not let visitors create their own accounts. Ask its administrator to create one for you; you will get a one-time password to sign in with.'
        : 'This server is not taking new accounts.'}
    </div>
    <a class="button primary block" href="/sign-in">Back to sign-in</a>
  </div>`;
}

export default function Register() {
  useStyles('/assets/app/styles/account.css');
  const options = useSignInOptions();
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const card = useRef(null);

  useEffect(() => {
    if (options?.registration === 'open') card.current?.querySelector('input')?.focus();
  }, [options]);

  const onSubmit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username')).trim();
    const password = String(form.get('password'));
    if (password !== form.get('repeat')) {
      setError({ message: 'The two passwords differ.', field: 'repeat' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const email = String(form.get('email') || '').trim();
      await api.post('/api/v1/auth/register', { username, password, ...(email ? { email } : {}) }, { anonymous: true, quiet: true });
      const answer = await api.post('/api/v1/auth/login', { username, password }, { anonymous: true, quiet: true });
      adopt(answer);
      me.set(await api.get('/api/v1/me', { quiet: true }));
      navigate(HOME, { replace: true });
    } catch (failure) {
      setError(formError(failure));
    } finally {
      setBusy(false);
    }
  };

  const fields = ['username', 'email', 'password', 'repeat'];
  return html`<div class="auth-screen">
    <div class="card auth-card" ref=${card} data-page="register">
      <div class="brand-line"><img src=${import.meta.resolve('/assets/icon.svg')} alt="" />Sextant</div>
      ${!options && html`<${Loading} label="Checking whether this server takes registrations…" />`}
      ${options?.registration === 'closed' && html`<${Closed} options=${options} />`}
      ${options?.registration === 'open' && html`
        <form class="form" onSubmit=${onSubmit} aria-label="Create account"
            onInput=${(e) => { if (error && error.field === e.target.name) setError(null); }}>
          <div><h1>Create account</h1><p class="muted">An ordinary account on this server: market data, watchlists, alerts and queries.</p></div>
          <${FormNotice} error=${error} fields=${fields} />
          <${Field} id="reg-username" name="username" label="Username" error=${error} autocomplete="username" required maxlength="64"
            autocapitalize="none" spellcheck="false" hint="3 to 64 characters: letters, digits, dot, dash or underscore; not case-sensitive." />
          <${Field} id="reg-email" name="email" label="Email (optional)" error=${error} type="email" autocomplete="email" maxlength="254" />
          <${Field} id="reg-password" name="password" label="Password" error=${error} type="password" autocomplete="new-password"
            required minlength="12" maxlength="1024" hint="At least 12 characters; a passphrase of a few unrelated words is best." />
          <${Field} id="reg-repeat" name="repeat" label="Password again" error=${error} type="password" autocomplete="new-password" required minlength="12" maxlength="1024" />
          <button class="button primary block" type="submit" disabled=${busy}>${busy ? 'Creating…' : 'Create account'}</button>
          <p class="muted auth-footer">Already have an account? <a href="/sign-in">Sign in</a></p>
        </form>`}
    </div>
  </div>`;
}
