/**
 * The renderer is served from a custom, privileged scheme rather than file://, so it has a real
 * origin to check senders against and cannot read arbitrary files.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;
