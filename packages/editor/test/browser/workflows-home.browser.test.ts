import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session.ts';
import { caseworkUrl } from './browser.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { createWorkflow, createWorkflowFromHome } from './workflow-setup.ts';

describe('the workflows home page', { timeout: 60_000 }, () => {
  const session = browserSession();

  const home = () => session.page.goto(new URL('/', caseworkUrl()).href);
  const row = (name: string) => session.page.getByTestId('workflow-row').filter({ hasText: name });

  it('lists workflows with their live version and last run, creates, renames and deletes one', async () => {
    const { page } = session;
    const suffix = uniqueSuffix();
    const published = await createWorkflow(`Published (${suffix})`);
    await apiRequest('POST', `/workflows/${published}/publish`, { meta: { notes: 'v1' } });
    await apiRequest('POST', `/workflows/${published}/trigger`, { data: { attributes: { fields: {} } } });
    await home();
    await row(`Published (${suffix})`).getByText('v1').waitFor();
    await row(`Published (${suffix})`).getByTestId('run-status').waitFor();

    await createWorkflowFromHome(page, `Made here (${suffix})`);
    await page.getByRole('heading', { name: `Made here (${suffix})` }).waitFor();
    await page.getByRole('link', { name: '← Workflows' }).click();

    await row(`Made here (${suffix})`).getByText('Not published').waitFor();
    await row(`Made here (${suffix})`).getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename workflow' });
    await rename.getByLabel('Name').fill(`Renamed (${suffix})`);
    await rename.getByRole('button', { name: 'Rename' }).click();
    await row(`Renamed (${suffix})`).waitFor();

    await row(`Renamed (${suffix})`).getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete “Renamed (${suffix})”?` });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await row(`Renamed (${suffix})`).count()).toBe(1);
    await row(`Renamed (${suffix})`).getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete workflow' }).click();
    await row(`Renamed (${suffix})`).waitFor({ state: 'detached' });
  });

  it('explains an empty list, and says when the API cannot be reached', async () => {
    const { page } = session;
    await page.route('**/api/v1/workflows?*', (route) =>
      route.fulfill({ json: { data: [], links: { prev: null, next: null } } }),
    );
    await home();
    await page.getByTestId('workflows-empty').getByText('No workflows yet').waitFor();

    await page.unroute('**/api/v1/workflows?*');
    await page.route('**/api/v1/workflows?*', (route) => route.abort('connectionrefused'));
    await page.reload();
    await page
      .getByRole('alert')
      .getByText(/Could not load the workflows. Cannot reach the API/)
      .waitFor();
    await page.unroute('**/api/v1/workflows?*');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
    await page.locator('[data-testid="workflow-row"], [data-testid="workflows-empty"]').first().waitFor();
  });
});
