// A sortable table: columns say how to read, sort and show each cell; units sit in the header.
import { html, useMemo, useState } from '../lib/html.js';

// columns: [{ key, label, unit?, numeric?, value?(row), render?(row), sortable? (default true) }]
export function DataTable({ columns, rows, caption, initialSort, rowKey = (row, i) => i, empty = 'Nothing to show.' }) {
  const [sort, setSort] = useState(initialSort || null); // { key, dir: 1 | -1 }
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const column = columns.find((c) => c.key === sort.key);
    if (!column) return rows;
    const read = column.value || ((row) => row[column.key]);
    return [...rows].sort((a, b) => compare(read(a), read(b)) * sort.dir);
  }, [rows, sort, columns]);

  const toggle = (key) => setSort((s) => (s && s.key === key ? { key, dir: -s.dir } : { key, dir: 1 }));

  return html`<div class="table-wrap">
    <table class="table">
      ${caption && html`<caption class="visually-hidden">${caption}</caption>`}
      <thead><tr>
        ${columns.map((c) => {
          const sortedHere = sort && sort.key === c.key;
          const ariaSort = sortedHere ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none';
          return html`<th scope="col" class=${c.numeric ? 'num' : ''} aria-sort=${c.sortable === false ? undefined : ariaSort} key=${c.key}>
            ${c.sortable === false
              ? html`${c.label}${c.unit && html` <span class="unit">(${c.unit})</span>`}`
              : html`<button type="button" onClick=${() => toggle(c.key)}>
                  ${c.label}${c.unit && html` <span class="unit">(${c.unit})</span>`}
                  <span aria-hidden="true">${sortedHere ? (sort.dir > 0 ? '▲' : '▼') : ''}</span>
                </button>`}
          </th>`;
        })}
      </tr></thead>
      <tbody>
        ${sorted.length === 0
          ? html`<tr><td colspan=${columns.length} class="muted">${empty}</td></tr>`
          : sorted.map((row, i) => html`<tr key=${rowKey(row, i)}>
              ${columns.map((c) => html`<td class=${c.numeric ? 'num' : ''} key=${c.key}>${c.render ? c.render(row) : row[c.key]}</td>`)}
            </tr>`)}
      </tbody>
    </table>
  </div>`;
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

// The rows as CSV text (RFC 4180 quoting), for export.
export function toCsv(columns, rows) {
  const cell = (v) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const header = columns.map((c) => cell(c.unit ? `${c.label} (${c.unit})` : c.label)).join(',');
  const lines = rows.map((row) => columns.map((c) => cell(c.value ? c.value(row) : row[c.key])).join(','));
  return [header, ...lines].join('\r\n') + '\r\n';
}

export function download(filename, text, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
