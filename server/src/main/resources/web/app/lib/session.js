// The signed-in session: the token pair, who it belongs to, and its refresh in the background.
//
// The pair lives in localStorage so that a reload or a second tab stays signed in. Refresh tokens
// work once, so tabs refresh one at a time under a Web Lock and adopt a pair another tab already
// got; a change in one tab (a new pair, a sign-out) reaches the others through the storage event.
// The strict content security policy (no inline or foreign script) is what keeps the pair from
// any script but the app's own.
import { store } from './store.js';

const KEY = 'sextant.session';
const REFRESH_EARLY_MS = 60_000;

// { accessToken, refreshToken, expiresAt (ms), passwordChangeRequired } or null
export const tokens = store(read());
// GET /api/v1/me of the session, or null until known
export const me = store(null);

let timer = null;

function read() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY));
    return saved && saved.accessToken && saved.refreshToken ? saved : null;
  } catch {
    return null;
  }
}

function write(pair) {
  if (pair) localStorage.setItem(KEY, JSON.stringify(pair));
  else localStorage.removeItem(KEY);
}

// Takes a token response of /auth/login, /auth/login/mfa, /auth/refresh or /me/password.
export function adopt(response) {
  const pair = {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    expiresAt: Date.now() + response.expiresIn * 1000,
    passwordChangeRequired: !!response.passwordChangeRequired,
  };
  write(pair);
  tokens.set(pair);
  schedule();
  return pair;
}

// Ends the session in this browser and leaves nothing of the account's work for whoever signs in
// next (query history and draft, chosen tabs): every sextant.* key goes but the theme, which is
// the browser's, not the account's.
export function forget() {
  write(null);
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('sextant.') && key !== 'sextant.theme') localStorage.removeItem(key);
  }
  tokens.set(null);
  me.set(null);
  clearTimeout(timer);
  window.dispatchEvent(new Event('sextant:signed-out'));
}

export function accessToken() {
  return tokens.get()?.accessToken ?? null;
}

function schedule() {
  clearTimeout(timer);
  const pair = tokens.get();
  if (!pair) return;
  const wait = Math.max(1_000, pair.expiresAt - Date.now() - REFRESH_EARLY_MS);
  timer = setTimeout(() => refresh().catch(() => {}), wait);
}

// Trades the refresh token for a new pair; answers false when the session no longer stands.
export async function refresh() {
  const run = async () => {
    const stored = read();
    const current = tokens.get();
    if (stored && current && stored.refreshToken !== current.refreshToken) {
      tokens.set(stored); // another tab refreshed first
      schedule();
      return true;
    }
    if (!stored) {
      forget();
      return false;
    }
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: stored.refreshToken }),
    });
    if (!response.ok) {
      if (response.status === 401 || response.status === 400) forget();
      return false;
    }
    adopt(await response.json());
    return true;
  };
  return navigator.locks ? navigator.locks.request('sextant-refresh', run) : run();
}

window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  const pair = read();
  tokens.set(pair);
  if (!pair) me.set(null);
  schedule();
});

// A timer does not run while the computer sleeps: on coming back, refresh at once if it is due.
document.addEventListener('visibilitychange', () => {
  const pair = tokens.get();
  if (document.visibilityState === 'visible' && pair && pair.expiresAt - Date.now() < REFRESH_EARLY_MS) {
    refresh().catch(() => {});
  }
});

schedule();
