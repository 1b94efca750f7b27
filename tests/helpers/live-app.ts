// One file's browser journeys: the built dashboard served by a real server on its own database,
// and a Chromium with a fresh profile; both stopped when the file's tests end.
import { afterAll, beforeAll } from 'vitest';
import { type Browser, launchBrowser } from './browser';
import { ensureWebBuilt, type RunningServer, startServer } from './server';

export interface LiveApp {
  server: RunningServer;
  browser: Browser;
}

/** Call at the top of a describe block; the fields are set before its first test runs. */
export function useLiveApp(): LiveApp {
  const live = {} as LiveApp;
  beforeAll(async () => {
    ensureWebBuilt();
    live.server = await startServer();
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.stop();
  });
  return live;
}
