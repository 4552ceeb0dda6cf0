import { startBrowserHost, type BrowserHost } from '../host/browser-host';
import { startDemo, type DemoOptions, type DemoSession } from './start-demo';

export interface ServedDemo {
  demo: DemoSession;
  host: BrowserHost;
  /** The URL to open, session token included. */
  url: string;
  close(): Promise<void>;
}

/** The demo, served to a browser by the loopback host (same guards as `npm start`). */
export async function serveDemo(opts: DemoOptions & { renderDir: string; port?: number }): Promise<ServedDemo> {
  const demo = await startDemo(opts);
  let host: BrowserHost;
  try {
    host = await startBrowserHost({ services: demo.services, renderDir: opts.renderDir, port: opts.port });
  } catch (err) {
    await demo.close();
    throw err;
  }
  return {
    demo,
    host,
    url: host.url,
    async close() {
      await host.close();
      await demo.close();
    },
  };
}
