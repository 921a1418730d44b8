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

// Ends every session of the account (this one too); keeps its API keys unless keepApiKeys is false.
export async function signOutEverywhere({ keepApiKeys = true } = {}) {
  const answer = await api.post('/api/v1/auth/logout-all', { keepApiKeys });
  forget();
  navigate('/sign-in', { replace: true });
  const keys = answer?.apiKeys?.summary || (keepApiKeys ? 'API keys still work.' : 'API keys were revoked.');
  toast('Signed out everywhere', `Every session of the account ended. ${keys}`, 'success');
}
