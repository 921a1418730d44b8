// A modal dialog: focus moves in and is kept there, Escape or the backdrop closes, focus returns.
import { html, useEffect, useRef } from '../lib/html.js';

export function Dialog({ title, onClose, children, className = '', labelledBy }) {
  const box = useRef(null);
  useEffect(() => {
    const before = document.activeElement;
    const first = box.current?.querySelector('[autofocus], input, button, select, textarea, [tabindex]');
    first?.focus();
    const onKey = (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      } else if (event.key === 'Tab') {
        const focusable = [...box.current.querySelectorAll('a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])')];
        if (!focusable.length) return;
        const [start, end] = [focusable[0], focusable[focusable.length - 1]];
        if (event.shiftKey && document.activeElement === start) { event.preventDefault(); end.focus(); }
        else if (!event.shiftKey && document.activeElement === end) { event.preventDefault(); start.focus(); }
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      before?.focus?.();
    };
  }, []);
  return html`<div class="overlay" onMouseDown=${(e) => e.target === e.currentTarget && onClose()}>
    <div class=${`dialog ${className}`} role="dialog" aria-modal="true" aria-label=${labelledBy ? undefined : title}
        aria-labelledby=${labelledBy} ref=${box}>
      ${children}
    </div>
  </div>`;
}

// Asks before something that cannot be undone; answers through onConfirm / onClose.
export function Confirm({ title, message, confirmLabel = 'Confirm', danger = false, onConfirm, onClose }) {
  return html`<${Dialog} title=${title} onClose=${onClose}>
    <h2>${title}</h2>
    <p>${message}</p>
    <div class="dialog-actions">
      <button class="button" onClick=${onClose}>Cancel</button>
      <button class=${`button ${danger ? 'danger' : 'primary'}`} onClick=${() => { onConfirm(); onClose(); }}>${confirmLabel}</button>
    </div>
  <//>`;
}
