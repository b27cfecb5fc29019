/**
 * The Content-Security-Policy of the window, applied by both of its hosts (Electron's session and the browser
 * bridge): only the app's own scripts, no remote content, no inline script. Inline styles are allowed because
 * AG Grid's theme injects its style elements at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');
