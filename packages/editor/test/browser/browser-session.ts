import type { Role } from '@casework/shared';
import type { Browser, BrowserContext, Page, ViewportSize } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { caseworkUrl, LAUNCH_TIMEOUT_MS, launchBrowser } from './browser.ts';
import { signInContext } from './casework-api.ts';

export interface BrowserSessionOptions {
  /**
   * Signs each new context in with a session cookie of a new user of this role (`admin` when true, the default);
   * false for tests of the sign-in screen.
   */
  signedIn?: boolean | Role;
  /** The page size; Playwright's 1280×720 when left out. */
  viewport?: ViewportSize;
}

/** The current test's browser context and page, and what went wrong on the page so far. */
export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** The page's console errors and uncaught errors, in order: tests that promise a clean page expect none. */
  readonly problems: readonly string[];
}

/**
 * Registers the hooks of the enclosing `describe`: one Chromium for the file, and a fresh context and page for
 * every test (so no test sees another's storage or routes), closed after it. Call it in the describe body, and
 * read the session's fields inside tests: they change from one test to the next.
 */
export function browserSession(options: BrowserSessionOptions = {}): BrowserSession {
  let browser: Browser | undefined;
  let current: BrowserSession | undefined;

  beforeAll(async () => {
    caseworkUrl(); // fail fast, with the reason, when run outside `npm test`
    browser = await launchBrowser();
  }, LAUNCH_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    if (!browser) throw new Error('The browser did not launch; see the beforeAll error.');
    const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
    const signedIn = options.signedIn ?? true;
    if (signedIn !== false) await signInContext(context, signedIn === true ? 'admin' : signedIn);
    const page = await context.newPage();
    current = { context, page, problems: collectProblems(page) };
  });

  afterEach(async () => {
    await current?.context.close();
    current = undefined;
  });

  const now = (): BrowserSession => {
    if (!current) throw new Error('There is a browser session only while a test runs: read it inside the test.');
    return current;
  };
  return {
    get context() {
      return now().context;
    },
    get page() {
      return now().page;
    },
    get problems() {
      return now().problems;
    },
  };
}

function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A failed load's text doesn't name what failed to load; its location does.
    const { url } = message.location();
    problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/**
 * The problems a signed-out page is expected to have: Chromium logs the 401 of `GET /api/v1/session`, the editor's
 * "is anyone signed in?", as a failed load. Everything else is left.
 */
export function unexpectedProblems(problems: readonly string[]): string[] {
  return problems.filter((problem) => !/status of 401 .*\/api\/v1\/session\)$/.test(problem));
}
