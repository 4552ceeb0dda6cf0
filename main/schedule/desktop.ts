/**
 * What only the desktop shell can do for schedules. The Electron shell attaches an
 * implementation; the browser host and the CLI have none, and the UI says so.
 */
export interface DesktopHooks {
  /** The app keeps running in the tray when its window closes. */
  readonly tray: boolean;
  getStartAtLogin(): boolean;
  setStartAtLogin(enabled: boolean): void;
}
