// Light or dark: the user's choice, else the system's.
import { persisted } from './store.js';

export const theme = persisted('sextant.theme', null); // 'light' | 'dark' | null (system)

const system = window.matchMedia('(prefers-color-scheme: dark)');

export function effectiveTheme() {
  return theme.get() ?? (system.matches ? 'dark' : 'light');
}

function apply() {
  document.documentElement.dataset.theme = effectiveTheme();
}

export function toggleTheme() {
  theme.set(effectiveTheme() === 'dark' ? 'light' : 'dark');
}

theme.subscribe(apply);
system.addEventListener('change', apply);
apply();
