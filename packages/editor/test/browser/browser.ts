import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../../../scripts/lib/chromium.mjs';

/** Long enough for a first-time `apt-get install chromium`, which `npm test` normally did already. */
export const LAUNCH_TIMEOUT_MS = 300_000;

/** The running api (which serves the built editor); `npm test` starts the stack and sets it. */
export function caseworkUrl(): string {
  const url = process.env.CASEWORK_URL;
  if (!url) {
    throw new Error(
      'CASEWORK_URL is not set. The browser tests need the running stack: run them through `npm test`, ' +
        'which starts it and sets CASEWORK_URL (or point CASEWORK_URL at a running api yourself).',
    );
  }
  return url;
}

/** Launches the system Chromium headless, installing it first if needed. The caller closes it. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await ensureChromium({ log: (line) => console.log(`[chromium] ${line}`) });
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}
