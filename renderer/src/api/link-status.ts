/** How the renderer is linked to the services: always 'open' inside Electron. */
export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'no-token';
