// Signing out: this session only, or every session and token of the account.
import { api } from '../lib/api.js';
import { tokens, forget } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { toast } from './toast.js';

export async function signOut() {
  const pair = tokens.get();
  if (pair) {
    await api.post('/api/v1/auth/logout', { refreshToken: pair.refreshToken }, { anonymous: true, quiet: true }).catch(() => {});
  }
  forget();
  navigate('/sign-in', { replace: true });
  toast('Signed out', 'This browser no longer holds a session.', 'success');
}

// Keeps the account's API keys unless keepApiKeys is false.
export async function signOutEverywhere({ keepApiKeys = true } = {}) {
  await api.post('/api/v1/auth/logout-all', { keepApiKeys });
  forget();
  navigate('/sign-in', { replace: true });
  toast('Signed out everywhere', keepApiKeys ? 'Every session of the account ended; API keys still work.' : 'Every session and API key of the account stopped working.', 'success');
}
