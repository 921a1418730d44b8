// Keyboard shortcuts, one registry: the help dialog lists what is registered here.
const bindings = [];
let pending = null; // first key of a two-key sequence ("g m")

// keys: 'mod+k' (Ctrl or Cmd), '/', 'g m', '?'; description: for the help dialog
export function shortcut(keys, description, action) {
  const binding = { keys, description, action };
  bindings.push(binding);
  return () => bindings.splice(bindings.indexOf(binding), 1);
}

export function shortcuts() {
  return bindings.filter((b) => b.description);
}

function typing(target) {
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

document.addEventListener('keydown', (event) => {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  for (const binding of bindings) {
    if (binding.keys.startsWith('mod+')) {
      if (mod && key === binding.keys.slice(4)) {
        event.preventDefault();
        binding.action(event);
        return;
      }
    }
  }
  if (mod || event.altKey || typing(event.target)) return;
  if (pending) {
    const sequence = `${pending} ${key}`;
    pending = null;
    const binding = bindings.find((b) => b.keys === sequence);
    if (binding) {
      event.preventDefault();
      binding.action(event);
    }
    return;
  }
  if (bindings.some((b) => b.keys.startsWith(`${key} `))) {
    pending = key;
    setTimeout(() => { pending = null; }, 1200);
    return;
  }
  const binding = bindings.find((b) => b.keys === event.key);
  if (binding) {
    event.preventDefault();
    binding.action(event);
  }
});
