import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caseworkUrl } from './browser.ts';
import { browserSession } from './browser-session.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { labelled } from './editor-driver.ts';

interface ExampleField {
  key: string;
  type: string;
  label: string;
  required?: boolean;
  config?: { choices: string[] };
}
interface ExampleTemplate {
  name: string;
  statuses: { name: string; type: string }[];
  'field-schemas': ExampleField[];
}

/** The canonical review workflow's template: its statuses and fields are what the form is filled with. */
const example = JSON.parse(
  readFileSync(new URL('../../../../examples/review-workflow/case-template.json', import.meta.url), 'utf8'),
) as ExampleTemplate;

describe('Case setup: templates and queues made in the editor, then used by a workflow', { timeout: 120_000 }, () => {
  const session = browserSession({ viewport: { width: 1600, height: 1000 } });
  const inspector = () => session.page.getByTestId('inspector');
  const templateForm = () => session.page.getByRole('form', { name: 'New template' });
  const fieldInput = (label: string) => templateForm().getByLabel(label, { exact: true });

  /** Waits until a picker is a select of choices (it is a text input while they are unknown). */
  const isSelect = (picker: Locator) =>
    expect.poll(() => picker.evaluate((element) => element.tagName), { timeout: 10_000 }).toBe('SELECT');

  /** Adds a Create case step after the trigger, and waits for the inspector to show it. */
  async function addCreateCaseStep(): Promise<void> {
    const { page } = session;
    await page.locator('.react-flow__node[data-id="trigger"] .workflow-node-label').click();
    await page.getByRole('button', { name: 'Create case', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 2);
    await expect.poll(() => inspector().getByLabel('Node id').inputValue()).toMatch(/^create-case/);
  }

  it('creates a template and a queue through the forms, refuses a bad key keeping every input, and the pickers offer them', async () => {
    const { page, problems } = session;
    const suffix = uniqueSuffix();
    const queueName = `KYC reviews (${suffix})`;
    const templateName = `${example.name} (${suffix})`;
    const key = `KYC${suffix}`;
    const templatePosts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/case-templates'))
        templatePosts.push(request.url());
    });

    await page.goto(new URL('/', caseworkUrl()).href);
    await page.getByRole('navigation', { name: 'Casework' }).getByRole('link', { name: 'Case setup' }).click();
    await page.waitForURL(/#\/case-setup$/);
    await page.getByRole('heading', { name: 'Case setup' }).waitFor();

    // A queue first, so the template's SLA breach picker can offer it.
    await page.getByLabel('New queue name').fill(queueName);
    await page.getByRole('button', { name: 'Create queue' }).click();
    const queueRow = page.getByTestId('queue-row').filter({ hasText: queueName });
    await queueRow.getByText('Active').waitFor();
    const queueId = (await queueRow.getAttribute('data-queue-id')) ?? '';
    expect(queueId).toMatch(/^cqueue_/);
    expect(await page.getByLabel('New queue name').inputValue()).toBe('');

    // The template: the statuses come prefilled as the review workflow wants them.
    await page.getByRole('button', { name: 'New template' }).click();
    const statusNames = await Promise.all(
      example.statuses.map((_, index) => fieldInput(`Name of status ${index + 1}`).inputValue()),
    );
    const statusTypes = await Promise.all(
      example.statuses.map((_, index) => fieldInput(`Type of status ${index + 1}`).inputValue()),
    );
    expect(statusNames.map((name, index) => ({ name, type: statusTypes[index] }))).toEqual(example.statuses);

    await fieldInput('Name').fill(templateName);
    await fieldInput('Key').fill(key.toLowerCase());
    for (const [index, field] of example['field-schemas'].entries()) {
      const name = `field ${index + 1}`;
      await templateForm().getByRole('button', { name: 'Add field' }).click();
      await fieldInput(`Key of ${name}`).fill(field.key);
      await fieldInput(`Type of ${name}`).selectOption(field.type);
      await fieldInput(`Label of ${name}`).fill(field.label);
      if (field.required)
        await templateForm()
          .getByLabel(`Field ${index + 1} is required`)
          .check();
      if (field.config) await fieldInput(`Choices of ${name}`).fill(field.config.choices.join(', '));
    }
    await fieldInput('Default SLA').fill('2');
    await fieldInput('SLA unit').selectOption('days');
    await fieldInput('SLA breach queue').selectOption({ label: queueName });

    // A lower-case key: refused next to the key, before anything is sent, and nothing typed is lost.
    await templateForm().getByRole('button', { name: 'Create template' }).click();
    await templateForm().getByText('must be 1–16 upper-case letters or digits, starting with a letter').waitFor();
    expect(await fieldInput('Key').getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), { timeout: 10_000 })
      .toBe('true');
    expect(await templateForm().getByRole('alert').textContent()).toContain('Fix the problem marked below.');
    expect(templatePosts).toEqual([]);
    expect(await fieldInput('Name').inputValue()).toBe(templateName);
    expect(await fieldInput('Choices of field 2').inputValue()).toBe('DE, FR, US');
    expect(await fieldInput('Default SLA').inputValue()).toBe('2');
    expect(await fieldInput('SLA breach queue').inputValue()).toBe(queueId);

    // Fixing the key clears the problem as it is typed; then the template is created and listed.
    await fieldInput('Key').fill(key);
    await templateForm().getByText('must be 1–16 upper-case').waitFor({ state: 'detached' });
    await templateForm().getByRole('button', { name: 'Create template' }).click();
    await templateForm().waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: `Template ${templateName}` })
      .waitFor();
    const templateRow = page.getByTestId('template-row').filter({ hasText: templateName });
    expect(await templateRow.locator('td').allTextContents()).toEqual([
      key,
      'open, in-review, approved (end), declined (end)',
      String(example['field-schemas'].length),
      'Active',
      'Archive',
    ]);
    const templateId = (await templateRow.getAttribute('data-template-id')) ?? '';
    const { data: stored } = await apiRequest<{ data: { attributes: Record<string, unknown> } }>(
      'GET',
      `/case-templates/${templateId}`,
    );
    expect(stored.attributes).toMatchObject({
      name: templateName,
      key,
      statuses: example.statuses,
      'field-schemas': example['field-schemas'].map((field) => ({ required: false, ...field })),
      'default-sla-seconds': 2 * 86_400,
      'sla-breach-queue-id': queueId,
    });

    // The same key again: the API's 409 is shown next to the key.
    await page.getByRole('button', { name: 'New template' }).click();
    await fieldInput('Name').fill(`Duplicate (${suffix})`);
    await fieldInput('Key').fill(key);
    await templateForm().getByRole('button', { name: 'Create template' }).click();
    await templateForm().getByText(`A case template with key ${key} already exists.`).waitFor();
    expect(await fieldInput('Key').getAttribute('aria-invalid')).toBe('true');
    await templateForm().getByRole('button', { name: 'Cancel' }).click();

    // A new workflow's Create case step offers the new template and queue in its pickers.
    await page.getByRole('navigation', { name: 'Casework' }).getByRole('link', { name: 'Workflows' }).click();
    await page.getByLabel('New workflow name').fill(`Uses case setup (${suffix})`);
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.waitForURL(/#\/workflows\/wfl_/);
    await addCreateCaseStep();
    const templatePicker = inspector().getByLabel(labelled('Case template'));
    await isSelect(templatePicker); // a text input until the catalog has loaded
    await templatePicker.selectOption({ label: key });
    expect(await templatePicker.inputValue()).toBe(templateId);
    const queuePicker = inspector().getByLabel(labelled('Queue'));
    await isSelect(queuePicker);
    await queuePicker.selectOption({ label: `${queueName} (${queueId})` });
    expect(await queuePicker.inputValue()).toBe(queueId);
    // The template's fields come with it.
    await inspector().locator('[data-path="/params/fields"]').getByLabel(labelled('Amount')).waitFor();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();

    // The browser reports the duplicate's 409 itself; nothing else went wrong.
    expect(problems).toEqual([
      expect.stringMatching(
        /^console error: Failed to load resource: .* 409 \(Conflict\) \(.*\/api\/v1\/case-templates\)$/,
      ),
    ]);
  });

  it('explains empty lists, says when the API is down, and the empty pickers link to Case setup', async () => {
    const { page, context, problems } = session;
    const empty = { json: { data: [], links: { prev: null, next: null } } };
    const lists = ['**/api/v1/case-templates?*', '**/api/v1/case-queues?*'];
    for (const list of lists) await page.route(list, (route) => route.fulfill(empty));
    await page.goto(new URL('/#/case-setup', caseworkUrl()).href);
    await page.getByTestId('templates-empty').getByText('No case templates yet').waitFor();
    await page.getByTestId('queues-empty').getByText('No case queues yet').waitFor();

    // The API down: each list says so, and Try again loads it once it is back.
    for (const list of lists) {
      await page.unroute(list);
      await page.route(list, (route) => route.abort('connectionrefused'));
    }
    await page.reload();
    const alerts = page.getByRole('alert');
    await alerts.getByText(/^Could not load the case templates\. Cannot reach the API/).waitFor();
    await alerts.getByText(/^Could not load the case queues\. Cannot reach the API/).waitFor();
    for (const list of lists) await page.unroute(list);
    await page.getByRole('button', { name: 'Try again' }).first().click();
    await page.locator('[data-testid="template-row"], [data-testid="templates-empty"]').first().waitFor();

    // With no templates or queues, the Create case step's pickers say where to make them.
    for (const list of lists) await page.route(list, (route) => route.fulfill(empty));
    const { data: workflow } = await apiRequest('POST', '/workflows', {
      data: { attributes: { name: `Empty catalog (${uniqueSuffix()})` } },
    });
    await page.goto(new URL(`/#/workflows/${workflow.id}`, caseworkUrl()).href);
    await addCreateCaseStep();
    const hint = inspector().locator('.inspector-hint').filter({ hasText: 'No case templates yet' });
    expect(await hint.textContent()).toBe('No case templates yet: create one in Case setup, or type a template id');
    await inspector().locator('.inspector-hint').filter({ hasText: 'No case queues yet' }).waitFor();
    const [setupTab] = await Promise.all([
      context.waitForEvent('page'),
      hint.getByRole('link', { name: 'Case setup' }).click(),
    ]);
    await setupTab.getByRole('heading', { name: 'Case setup' }).waitFor();
    expect(new URL(setupTab.url()).hash).toBe('#/case-setup');

    // Only the refused connections above may have been reported.
    expect(problems.filter((problem) => !problem.includes('net::ERR_CONNECTION_REFUSED'))).toEqual([]);
  });
});
