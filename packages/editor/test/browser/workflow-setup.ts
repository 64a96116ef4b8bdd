import type { Page } from 'playwright-core';
import { caseworkUrl } from './browser.ts';
import { apiRequest } from './casework-api.ts';

/** Makes a workflow through the API; without a graph its draft is the lone API trigger every workflow starts with. */
export async function createWorkflow(name: string, graph?: unknown): Promise<string> {
  const { data } = await apiRequest('POST', '/workflows', {
    data: { attributes: { name, ...(graph === undefined ? {} : { graph }) } },
  });
  return data.id;
}

/** Opens a workflow's page and waits until its canvas shows nodes. */
export async function openWorkflow(page: Page, id: string): Promise<void> {
  await page.goto(new URL(`/#/workflows/${id}`, caseworkUrl()).href);
  await page.locator('.react-flow__node').first().waitFor();
}

/** Creates a workflow with the home page's form (the page must be showing); returns its id once its page is open. */
export async function createWorkflowFromHome(page: Page, name: string): Promise<string> {
  await page.getByLabel('New workflow name').fill(name);
  await page.getByRole('button', { name: 'Create workflow' }).click();
  await page.waitForURL(/#\/workflows\/wfl_/);
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
}
