/**
 * The one Content-Security-Policy for every Steady page. vosk-browser compiles
 * WebAssembly with eval and starts its worker from a blob: URL, so script-src
 * carries 'unsafe-eval' 'wasm-unsafe-eval' and worker-src allows blob:.
 * Nothing else is loosened in a build. The dev server also needs inline
 * scripts and styles for hot reload, and only it gets them.
 */
export function contentSecurityPolicy(mode: 'build' | 'dev' = 'build', delivery: 'header' | 'meta' = 'header'): string {
  const dev = mode === 'dev';
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'", ...(dev ? ["'unsafe-inline'"] : [])],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", 'blob:', 'data:', ...(dev ? ['ws:'] : [])],
    'img-src': ["'self'", 'data:', 'blob:'],
    'style-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    'font-src': ["'self'"],
    'media-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    // Browsers ignore (and warn about) frame-ancestors in a meta tag; only the header carries it.
    ...(delivery === 'header' ? { 'frame-ancestors': ["'none'"] } : {}),
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
