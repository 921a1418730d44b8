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
import { Icon } from './icons.js';
import { Field, formError } from './auth-form.js';

export function qrDataUrl(text) {
  return toSvgDataURL(generate(text), { on: 'black', off: 'white', padX: 2, padY: 2 });
}

export async function copyText(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    toast('Copied', `${what} is on the clipboard.`, 'success');
  } catch {
    toast('Could not copy', 'The browser did not allow it: select the text and copy it by hand.', 'warn');
  }
}

// The codes, shown once: copy, download, and an explicit "saved them" to go on.
export function RecoveryCodes({ codes, onDone, doneLabel = 'I saved them, continue' }) {
  const text = `Sextant recovery codes (each works once)\n\n${codes.join('\n')}\n`;
  return html`<div class="form" data-recovery-codes>
    <h2 class="step-title">Save your recovery codes</h2>
    <div class="notice warn" role="note">Each code signs you in once if you lose your authenticator app. Keep them somewhere safe, away from this device: they are shown only now.</div>
    <ol class="codes" aria-label="Recovery codes">${codes.map((c) => html`<li key=${c}>${c}</li>`)}</ol>
    <div class="form-row">
      <button class="button" type="button" onClick=${() => copyText(codes.join('\n'), 'The recovery codes')}><${Icon} name="copy" />Copy</button>
      <button class="button" type="button" onClick=${() => download('sextant-recovery-codes.txt', text, 'text/plain')}><${Icon} name="imports" />Download</button>
      <div class="spacer"></div>
      <button class="button primary" type="button" onClick=${onDone}>${doneLabel}</button>
    </div>
  </div>`;
}

// onCodes: called when the recovery codes appear; onDone: after the user saved them.
export function TwoFactorEnrolment({ onDone, onCodes, onCancel }) {
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
        onCodes?.();
        const user = me.get();
        if (user) me.set({ ...user, twoFactorEnabled: true });
      })
      .catch((failure) => setWrong({ ...formError(failure), field: 'code' }))
      .finally(() => setBusy(false));
  };

  if (codes) return html`<${RecoveryCodes} codes=${codes} onDone=${onDone} />`;
  if (error) return html`<${ErrorState} error=${error} retry=${start} />`;
  if (!setup) return html`<${Loading} label="Creating a secret…" />`;
  const grouped = setup.secret.replace(/(.{4})/g, '$1 ').trim();
  return html`<form class="form enrolment" onSubmit=${confirm} aria-label="Confirm two-factor sign-in">
    <ol class="steps">
      <li>Scan this code with an authenticator app (Aegis, 2FAS, Google Authenticator, 1Password…).</li>
      <li>Type the 6-digit code it shows to confirm.</li>
    </ol>
    <div class="enrolment-grid">
      <div class="qr"><img src=${qrDataUrl(setup.otpauthUri)} alt="QR code of the two-factor secret for Sextant" data-qr /></div>
      <div class="form">
        <div class="field"><span class="label" id="secret-label">Can’t scan? Enter this secret by hand</span>
          <code class="secret" aria-labelledby="secret-label" data-secret=${setup.secret}>${grouped}</code>
          <span class="hint">Time-based (TOTP), 6 digits, every 30 seconds.</span>
          <div><button class="button small" type="button" onClick=${() => copyText(setup.secret, 'The secret')}><${Icon} name="copy" />Copy secret</button></div>
        </div>
        <${Field} id="totp-code" name="code" label="6-digit code from the app" error=${wrong} class="input mono code-input"
          inputmode="numeric" autocomplete="one-time-code" required pattern="[0-9 ]{6,7}" maxlength="7" placeholder="123 456" />
      </div>
    </div>
    <div class="form-row">
      <button class="button primary" type="submit" disabled=${busy}>${busy ? 'Checking…' : 'Turn on two-factor sign-in'}</button>
      ${onCancel && html`<button class="button ghost" type="button" onClick=${onCancel}>Cancel</button>`}
    </div>
  </form>`;
}
