// Starts the parse worker from TypeScript sources (dev checkout, tests): registers tsx in this
// thread, then loads the real entry. Bundled builds start import-parse-worker.mjs directly.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
