// The app's entry: picks the page for the address, makes sure a session stands where one is
// needed (else sign-in, then back), and finishes any step the account must take first.
import { html, render, useEffect } from './lib/html.js';
import { useStore } from './lib/store.js';
import { location$, navigate } from './lib/router.js';
import { tokens, me } from './lib/session.js';
import { api, whenSignedOut } from './lib/api.js';
import './lib/theme.js';
import { HOME } from './routes.js';
import { Shell, PageView, findRoute } from './ui/shell.js';
import { Toasts } from './ui/toast.js';
import { Loading, ErrorState } from './ui/states.js';

// What the account must do before anything else: 'password' (first sign-in with a one-time
// password), 'two-factor' (administrators must enrol a second factor), or null.
export function requiredStep(user) {
  if (!user) return null;
  if (user.passwordChangeRequired) return 'password';
  if (user.roles.includes('admin') && !user.twoFactorEnabled) return 'two-factor';
  return null;
}

function signInFirst(where) {
  const next = where.path + where.query.toString().replace(/^(?=.)/, '?');
  navigate(`/sign-in?next=${encodeURIComponent(next)}`, { replace: true });
}

whenSignedOut(() => signInFirst(location$.get()));

function NotFound() {
  return html`<div class="page"><${ErrorState} error=${{ problem: { title: 'No such page', detail: 'Nothing lives at this address. Pick a page from the menu.' } }} /></div>`;
}

const NOT_FOUND = { title: 'Not found', load: async () => ({ default: NotFound }) };
const NOT_ALLOWED = {
  title: 'Not allowed',
  load: async () => ({
    default: () => html`<div class="page"><${ErrorState} error=${{ problem: { title: 'Administrators only', detail: 'Your account is not allowed to see this page.' } }} /></div>`,
  }),
};

function App() {
  const where = useStore(location$);
  const session = useStore(tokens);
  const user = useStore(me);
  const found = where.path === '/' ? null : findRoute(where.path);

  useEffect(() => {
    if (where.path === '/') navigate(session ? HOME : '/sign-in', { replace: true });
    else if (found && !found.route.public && !session) signInFirst(where);
  }, [where.path, session]);

  useEffect(() => {
    if (session && !user) {
      api.get('/api/v1/me', { quiet: true }).then((m) => me.set(m)).catch(() => {});
    }
  }, [session, user]);

  useEffect(() => {
    const step = requiredStep(user);
    if (step && !(found?.route.public)) navigate(`/sign-in?step=${step}`, { replace: true });
  }, [user, where.path]);

  if (where.path === '/') return html`<${Loading} />`;
  if (!found) return session ? html`<${Shell} route=${NOT_FOUND} params=${{}} />` : html`<${NotFound} />`;
  const { route, params } = found;
  if (route.bare) return html`<${PageView} route=${route} params=${params} /><${Toasts} />`;
  if (!session) return html`<${Loading} />`;
  if (route.role && user && !user.roles.includes(route.role)) {
    return html`<${Shell} route=${NOT_ALLOWED} params=${{}} />`;
  }
  return html`<${Shell} route=${route} params=${params} />`;
}

const root = document.getElementById('app');
root.classList.remove('boot');
root.textContent = '';
render(html`<${App} />`, root);
