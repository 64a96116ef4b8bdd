import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session.ts';
import { caseworkUrl } from './browser.ts';
import { uniqueSuffix } from './casework-api.ts';
import { createWorkflow, openWorkflow } from './workflow-setup.ts';

describe('editor app shell', { timeout: 60_000 }, () => {
  const session = browserSession();

  /** Opens a new workflow (made through the API): its draft is the lone API trigger every workflow starts with. */
  async function openNewWorkflow(): Promise<void> {
    await openWorkflow(session.page, await createWorkflow(`App shell (${uniqueSuffix()})`));
  }

  it('shows the Casework header with a link to the API docs, who is signed in and a way to sign out', async () => {
    const { page } = session;
    await page.goto(new URL('/', caseworkUrl()).href);
    const header = page.getByRole('banner');
    await header.getByRole('heading', { name: 'Casework' }).waitFor();
    expect(await page.getByRole('link', { name: 'API docs' }).getAttribute('href')).toBe('/docs');
    expect(await header.getByTestId('signed-in-as').textContent()).toMatch(
      /^Signed in as browser-admin-.*@example\.comadminSign out$/,
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email address').waitFor();
  });

  it('shows the React Flow canvas with its controls, minimap and the starter trigger', async () => {
    const { page } = session;
    await openNewWorkflow();
    await page.locator('.react-flow__renderer').waitFor();
    expect(await page.locator('.react-flow__controls').count()).toBe(1);
    expect(await page.locator('.react-flow__minimap').count()).toBe(1);
    const nodes = page.locator('.react-flow__node');
    expect(await nodes.count()).toBe(1);
    expect(await nodes.first().textContent()).toContain('API trigger');
  });

  it('shows the palette, the toolbar, the issues panel and a place for the inspector', async () => {
    const { page } = session;
    await openNewWorkflow();
    const palette = page.getByRole('navigation', { name: 'Node palette' });
    for (const group of ['Triggers', 'Cases', 'Logic', 'Waits', 'End']) {
      await palette.getByRole('heading', { name: group }).waitFor();
    }
    const toolbar = page.getByRole('toolbar', { name: 'Canvas' });
    for (const name of ['Undo', 'Redo', 'Auto-layout', 'Fit view', 'Import JSON', 'Export JSON']) {
      expect(await toolbar.getByRole('button', { name }).count()).toBe(1);
    }
    expect(await page.getByTestId('issues-panel').textContent()).toContain('handle "next" is not connected');
    expect(await page.getByTestId('inspector').textContent()).toContain('Select a node');
  });

  it('adds a node from the palette, connected after the selected one, and undoes it', async () => {
    const { page } = session;
    await openNewWorkflow();
    await page.locator('.react-flow__node').first().click();
    await page.getByRole('button', { name: 'End', exact: true }).click();
    await page.locator('.react-flow__node').nth(1).waitFor();
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 1);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
  });

  it('reports the system as ready', async () => {
    const { page } = session;
    await page.goto(new URL('/', caseworkUrl()).href);
    const status = page.getByRole('status').and(page.getByTestId('system-status'));
    await page.locator('[data-testid="system-status"]:not([data-state="checking"])').waitFor();
    expect({ state: await status.getAttribute('data-state'), label: await status.textContent() }).toEqual({
      state: 'ready',
      label: 'System status: Ready',
    });
  });

  it('loads the home page and a workflow without console errors or page errors', async () => {
    const { page, problems } = session;
    await page.goto(new URL('/', caseworkUrl()).href);
    await page.locator('[data-testid="system-status"]:not([data-state="checking"])').waitFor();
    await page.waitForLoadState('networkidle');
    await openNewWorkflow();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});
