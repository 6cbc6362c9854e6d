// Where to go after signing in: only paths on this site, never another origin.
export function safeCallbackPath(value: unknown, fallback = '/admin') {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  try {
    const url = new URL(value, 'http://roleboard.invalid');
    if (url.origin !== 'http://roleboard.invalid') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
