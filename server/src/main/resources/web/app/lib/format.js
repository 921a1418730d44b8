// How numbers, prices and times read everywhere in the app: one formatter per kind.
const locale = undefined; // the browser's

export function number(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// Prices: more digits for small ones (crypto, FX), two for the rest.
export function price(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const size = Math.abs(value);
  const digits = size >= 1000 ? 2 : size >= 1 ? 2 : size >= 0.01 ? 4 : 6;
  return number(value, digits);
}

export function percent(fraction, digits = 2, signed = false) {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '–';
  const text = number(fraction * 100, digits) + '%';
  return signed && fraction > 0 ? '+' + text : text;
}

export function signed(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return (value > 0 ? '+' : '') + number(value, digits);
}

export function compact(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString(locale, { notation: 'compact', maximumFractionDigits: 2 });
}

export function dateTime(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return date.toLocaleString(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function date(iso) {
  if (!iso) return '–';
  return new Date(iso).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

// "3 min ago", "in 2 h": for as-of and staleness badges.
export function relative(iso, now = Date.now()) {
  if (!iso) return '–';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const units = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') return rtf.format(Math.round(seconds / size), unit);
  }
  return '';
}

// 'up' | 'down' | '' for styling a change; the text also carries a sign so colour is never alone.
export function direction(value) {
  if (value > 0) return 'up';
  if (value < 0) return 'down';
  return '';
}
