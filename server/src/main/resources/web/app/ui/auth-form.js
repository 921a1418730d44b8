// Form fields of the sign-in, registration and account pages, and the server's refusal shown at
// the field it names (the problem's `field`, `parameter` or first `errors` entry), else above the form.
import { html } from '../lib/html.js';

// { message, field } of an ApiError (or any Error), for an inline error.
export function formError(failure) {
  const problem = failure?.problem || {};
  const first = Array.isArray(problem.errors) ? problem.errors[0] : null;
  const field = problem.field || problem.parameter || first?.field || first?.parameter || null;
  let message = problem.detail || failure?.message || 'Something went wrong.';
  if (first?.message && problem.type && String(problem.type).endsWith('validation-failed')) {
    message = `${first.field || first.parameter}: ${first.message}`;
  }
  return { message, field, title: problem.title };
}

// The error for a form: shown at its field when the form has that field, else as a notice.
export function FormNotice({ error, fields = [] }) {
  if (!error || (error.field && fields.includes(error.field))) return null;
  return html`<div class="notice error" role="alert" data-form-error>${error.message}</div>`;
}

// A labelled input; `error` (from formError) is shown under it when it names `name`.
export function Field({ id, name, label, hint, error, children, ...input }) {
  const wrong = error && error.field === name;
  const described = [hint && `${id}-hint`, wrong && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${children || html`<input class="input" id=${id} name=${name} aria-invalid=${wrong ? 'true' : 'false'}
      aria-describedby=${described} ...${input} />`}
    ${hint && html`<span class="hint" id=${`${id}-hint`}>${hint}</span>`}
    ${wrong && html`<span class="error" id=${`${id}-error`} role="alert">${error.message}</span>`}
  </div>`;
}
