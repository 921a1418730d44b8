// Two-factor enrolment: a new secret, its QR code drawn in the page (never sent to a QR service),
// the secret as text for manual entry, a code to confirm, then the recovery codes, shown once.
import { html, useEffect, useState } from '../lib/html.js';
import { generate } from 'lean-qr';
import { toSvgDataURL } from 'lean-qr/svg';
import { api } from '../lib/api.js';
import { me } from '../lib/session.js';
import { Loading, ErrorState } from './states.js';
import { download } from './table.js';
import { toast } from './toast.js';

export function qrDataUrl(text) {
  return toSvgDataURL(generate(text), { on: 'black', off: 'white', padX: 2, padY: 2 });
}

export function RecoveryCodes({ codes, onDone }) {
  const text = codes.join('\n') + '\n';
  return html`<div class="form" data-recovery-codes>
    <div class="notice warn">Keep these recovery codes somewhere safe. Each signs you in once if you lose your authenticator. They are shown only now.</div>
    <div class="codes" aria-label="Recovery codes">${codes.map((c) => html`<span key=${c}>${c}</span>`)}</div>
    <div class="form-row">
      <button class="button" type="button" onClick=${() => navigator.clipboard?.writeText(text).then(() => toast('Copied', 'The recovery codes are on the clipboard.', 'success'))}>Copy</button>
      <button class="button" type="button" onClick=${() => download('sextant-recovery-codes.txt', text, 'text/plain')}>Download</button>
      <button class="button primary" type="button" onClick=${onDone}>I saved them</button>
    </div>
  </div>`;
}

export function TwoFactorEnrolment({ onDone }) {
  const [setup, setSetup] = useState(null);
  const [error, setError] = useState(null);
  const [codes, setCodes] = useState(null);
  const [wrong, setWrong] = useState(null);
  const [busy, setBusy] = useState(false);

  const start = () => {
    setError(null);
    api.post('/api/v1/me/2fa/setup', null, { quiet: true }).then(setSetup).catch(setError);
  };
  useEffect(start, []);

  const confirm = (event) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).replace(/\s+/g, '');
    setBusy(true);
    setWrong(null);
    api.post('/api/v1/me/2fa/enable', { code }, { quiet: true })
      .then((answer) => {
        setCodes(answer.recoveryCodes);
        const user = me.get();
        if (user) me.set({ ...user, twoFactorEnabled: true });
      })
      .catch((failure) => setWrong(failure.problem?.detail || failure.message))
      .finally(() => setBusy(false));
  };

  if (codes) return html`<${RecoveryCodes} codes=${codes} onDone=${onDone} />`;
  if (error) return html`<${ErrorState} error=${error} retry=${start} />`;
  if (!setup) return html`<${Loading} label="Creating a secret…" />`;
  const grouped = setup.secret.replace(/(.{4})/g, '$1 ').trim();
  return html`<form class="form" onSubmit=${confirm} aria-label="Confirm two-factor sign-in">
    <ol class="steps">
      <li>Scan this code with an authenticator app (Aegis, 2FAS, Google Authenticator, 1Password…).</li>
    </ol>
    <div class="qr"><img src=${qrDataUrl(setup.otpauthUri)} alt="QR code of the two-factor secret" data-qr /></div>
    <div class="field"><span class="label">Or enter the secret by hand</span>
      <code class="secret" data-secret=${setup.secret}>${grouped}</code></div>
    <div class="field"><label for="totp-code">6-digit code from the app</label>
      <input class="input mono" id="totp-code" name="code" inputmode="numeric" autocomplete="one-time-code" required pattern="[0-9 ]{6,8}" maxlength="8"
        aria-invalid=${wrong ? 'true' : 'false'} aria-describedby=${wrong ? 'totp-error' : undefined} />
      ${wrong && html`<span class="error" id="totp-error" role="alert">${wrong}</span>`}
    </div>
    <button class="button primary" type="submit" disabled=${busy}>${busy ? 'Checking…' : 'Turn on two-factor sign-in'}</button>
  </form>`;
}
