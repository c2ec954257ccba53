// Starts the page's wasm. A file instead of Trunk's inline loader, so the page's
// Content-Security-Policy needs no 'unsafe-inline' for scripts.
import init from './newslens-app.js';
await init({ module_or_path: './newslens-app_bg.wasm' });
