// A value that components follow: set() re-renders every component that reads it with useStore().
import { useEffect, useState } from './html.js';

export function store(initial) {
  let value = initial;
  const listeners = new Set();
  return {
    get: () => value,
    set(next) {
      value = typeof next === 'function' ? next(value) : next;
      listeners.forEach((listener) => listener(value));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore(source) {
  const [value, setValue] = useState(source.get());
  useEffect(() => {
    setValue(source.get());
    return source.subscribe(setValue);
  }, [source]);
  return value;
}

// A value kept in the browser's localStorage under `key` (JSON), for preferences and history.
export function persisted(key, initial) {
  let start = initial;
  try {
    const saved = localStorage.getItem(key);
    if (saved !== null) start = JSON.parse(saved);
  } catch { /* storage unavailable or corrupt: start fresh */ }
  const inner = store(start);
  // Sign-out removed the account's keys from localStorage; what is held in memory goes too.
  if (key !== 'sextant.theme') window.addEventListener('sextant:signed-out', () => inner.set(initial));
  return {
    ...inner,
    set(next) {
      inner.set(next);
      try { localStorage.setItem(key, JSON.stringify(inner.get())); } catch { /* full or unavailable */ }
    },
  };
}
