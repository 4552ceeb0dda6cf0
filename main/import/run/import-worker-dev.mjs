// Starts the import worker from TypeScript sources (dev checkout, tests): registers tsx in this
// thread, then loads the real entry. Bundled builds start import-worker.mjs directly.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
