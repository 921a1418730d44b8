// The signed-in user's preferences, kept by the server (GET/PUT /api/v1/me/preferences): region
// and privacy choices. Pages read them with useStore(preferences) after loadPreferences();
// e.g. the query console keeps its history in this browser only while keepQueryHistory is true.
import { store } from './store.js';
import { api } from './api.js';
import { tokens } from './session.js';

// { region, keepQueryHistory, shareUsageMetrics, updatedAt, regions } or null until known
export const preferences = store(null);

let loading = null;

export function loadPreferences({ force = false } = {}) {
  if (!tokens.get()) return Promise.resolve(null);
  if (loading && !force) return loading;
  loading = api.get('/api/v1/me/preferences', { quiet: true })
    .then((answer) => { preferences.set(answer); return answer; })
    .catch((failure) => { loading = null; throw failure; });
  return loading;
}

export async function savePreferences(change) {
  const saved = await api.put('/api/v1/me/preferences', change, { quiet: true });
  preferences.set(saved);
  loading = Promise.resolve(saved);
  return saved;
}

// Whether the query console may keep history in this browser (true until the user says otherwise).
export function keepsQueryHistory() {
  return preferences.get()?.keepQueryHistory ?? true;
}

// A new session may belong to someone else: forget the last one's preferences.
tokens.subscribe((pair) => {
  if (!pair) { preferences.set(null); loading = null; }
});
