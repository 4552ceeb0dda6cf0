// Entry of dist/host/host.mjs: the browser host for `npm start` without Electron, demo and e2e.
export { startBrowserHost, type BrowserHost, type BrowserHostOptions } from './browser-host';
export { serveBrowserApp, parseServeArgs, type ServeOptions, type ServingApp } from './serve';
