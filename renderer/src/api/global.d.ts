import type { Api } from '../../../shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the page is served by the browser host. */
    api?: Api;
  }
}

export {};
