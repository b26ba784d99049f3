// Hash routes: "#/customers/0193..." -> the customers view with params {id}. Views are
// modules with render(container, params, ctx); render may return a cleanup function.

const routes = [];

/** `reads`: the command the screen asks for first, which start-up may ask ahead (api.warm). */
export function route(pattern, load, reads = null) {
  const keys = [];
  const re = new RegExp(`^${pattern.replace(/:([a-z_]+)/g, (_, k) => { keys.push(k); return '([^/]+)'; })}$`);
  routes.push({ pattern, re, keys, load, reads });
}

export function match(path) {
  for (const r of routes) {
    const m = r.re.exec(path);
    if (m) return { route: r, params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

export function current() {
  return location.hash.replace(/^#/, '') || '/';
}

export function navigate(path) {
  if (current() === path) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = path;
}

/**
 * Load every screen's module once. Screens register their keyboard shortcuts when their
 * module loads, so the "?" sheet waits for this to list shortcuts of screens not yet visited.
 */
export function preloadViews() {
  return Promise.allSettled(routes.map((r) => r.load()));
}
