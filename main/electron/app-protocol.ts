import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { contentTypeOf, findStaticFile } from '../host/static-files';
import { rendererCsp } from '../host/csp';

/** Must run before `app.ready`: a standard, secure scheme gets an origin, ES modules and fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves dist/renderer on app://renderer/, with the same path rules as the browser host. */
export function serveAppProtocol(renderDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? await findStaticFile(renderDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    const headers: Record<string, string> = { 'Content-Type': contentTypeOf(file), 'X-Content-Type-Options': 'nosniff' };
    if (extname(file) === '.html') headers['Content-Security-Policy'] = rendererCsp();
    return new Response(await readFile(file), { status: 200, headers });
  });
}
