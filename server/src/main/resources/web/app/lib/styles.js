// A page's own style sheet, loaded once by its content-hashed name (the import map knows it).
const loaded = new Set();

export function useStyles(path) {
  if (loaded.has(path)) return;
  loaded.add(path);
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = import.meta.resolve(path);
  document.head.append(link);
}
