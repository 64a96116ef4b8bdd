import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, unexpectedProblems } from './browser-session.ts';
import { caseworkUrl } from './browser.ts';
import { apiRequest, createTestUser, signInContext, stackAdmin, uniqueSuffix } from './casework-api.ts';
import { createWorkflow, openWorkflow } from './workflow-setup.ts';

const screenshotDir = new URL('../../../../docs/screenshots/', import.meta.url);

/** Calls the API with `key` as a script would; resolves the status and the parsed body, whatever they are. */
async function callWithKey(key: string, method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(`/api/v1${path}`, caseworkUrl()), {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
}

/** Chromium's console line for a request the API refused with 400 (a form shows why). */
const refusedWith400 = (problem: string, path: string) =>
  problem.includes('status of 400') && problem.endsWith(`${path})`);

const nav = (page: Page) => page.getByRole('navigation', { name: 'Casework' });

describe('Access: users and API keys, managed by an admin in the editor', { timeout: 120_000 }, () => {
  const session = browserSession({ signedIn: false, viewport: { width: 1440, height: 1000 } });

  it("lets the printed admin create a reviewer and a trigger-only key that can't publish but can trigger", async () => {
    const { page, context, problems } = session;
    const suffix = uniqueSuffix().toLowerCase();
    const reviewer = { email: `reviewer-${suffix}@example.com`, password: `a reviewer passphrase ${suffix}` };
    const keyName = `Signup webhook (${suffix})`;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(caseworkUrl()).origin });

    // For the screenshot, the users other browser tests make (browser-<role>-…) stay out of the list.
    await page.route('**/api/v1/users?*', async (route) => {
      const response = await route.fetch();
      const list = (await response.json()) as { data: { attributes: { 'email-address': string } }[] };
      const data = list.data.filter((user) => !user.attributes['email-address'].startsWith('browser-'));
      await route.fulfill({ response, json: { ...list, data } });
    });

    // A newcomer signs in with the admin `npm start` printed and opens Access.
    const admin = stackAdmin();
    await page.goto(new URL('/', caseworkUrl()).href);
    await signIn(page, admin.email, admin.password);
    await nav(page).getByRole('link', { name: 'Access' }).click();
    await page.waitForURL(/#\/access$/);
    await page.getByRole('heading', { name: 'Access', level: 2 }).waitFor();

    // A reviewer user: a too-short password is refused by the API, next to the password field.
    await page.getByRole('button', { name: 'New user' }).click();
    const userForm = page.getByRole('form', { name: 'New user' });
    await userForm.getByLabel('Email address').fill(reviewer.email);
    await userForm.getByLabel('Name').fill('Rae Viewer');
    await userForm.getByLabel('Role').selectOption('reviewer');
    await userForm.getByLabel('Password').fill('too short');
    await userForm.getByRole('button', { name: 'Create user' }).click();
    const password = userForm.getByLabel('Password');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const problemsId = (await password.getAttribute('aria-describedby'))?.split(' ').at(-1) ?? '';
    expect(await page.locator(`[id="${problemsId}"]`).textContent()).toMatch(/12/);
    // The refused field has the focus, for the keyboard user to fix it.
    expect(await password.evaluate((element) => element === document.activeElement)).toBe(true);
    await password.fill(reviewer.password);
    await userForm.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('status').getByText(`User ${reviewer.email} created as reviewer`).waitFor();
    const reviewerRow = page.getByTestId('user-row').filter({ hasText: reviewer.email });
    expect(await reviewerRow.getByTestId('user-role').textContent()).toBe('reviewer');

    // A trigger-only API key, shown once in a dialog with a Copy button.
    const keyForm = page.getByRole('form', { name: 'New API key' });
    await keyForm.getByLabel('Key name').fill(keyName);
    expect(await keyForm.getByLabel('Key role').inputValue()).toBe('trigger');
    await keyForm.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog', { name: `API key “${keyName}” created` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Copy the key now: you won’t see it again.');
    const key = await dialog.getByLabel('API key (trigger)').inputValue();
    expect(key).toMatch(/^\S{20,}$/);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByRole('status').getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    const keyRow = page.getByTestId('api-key-row').filter({ hasText: keyName });
    expect(await keyRow.textContent()).toContain(`${key.slice(0, 6)}`);
    expect(await keyRow.textContent()).not.toContain(key);
    // The configured key (CASEWORK_API_KEY) is listed, managed by the environment: no Revoke.
    const configured = page.getByTestId('api-key-row').filter({ hasText: 'Managed by CASEWORK_API_KEY' });
    expect(await configured.count()).toBe(1);
    expect(await configured.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);

    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: new URL('access-page.png', screenshotDir).pathname, fullPage: true });

    // From node, as the integration would: the key cannot publish (403 in the error format) but can trigger.
    const workflowId = await createWorkflow(`Access check (${suffix})`);
    const publish = await callWithKey(key, 'POST', `/workflows/${workflowId}/publish`, { meta: { notes: 'v1' } });
    expect(publish).toEqual({
      status: 403,
      body: {
        errors: [
          expect.objectContaining({
            title: 'Forbidden',
            details: expect.stringMatching(/^The trigger role may not POST \/api\/v1\/workflows\/:id\/publish/),
          }),
        ],
      },
    });
    await apiRequest('POST', `/workflows/${workflowId}/publish`, { meta: { notes: 'v1' } });
    const trigger = await callWithKey(key, 'POST', `/workflows/${workflowId}/trigger`, {
      data: { attributes: { fields: {} } },
    });
    expect(trigger.status).toBe(201);

    // Revoking asks first; the key is refused from then on.
    await keyRow.getByRole('button', { name: `Revoke ${keyName}` }).click();
    const confirm = page.getByRole('dialog', { name: `Revoke the API key “${keyName}”?` });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await keyRow.getByText(/^Revoked /).waitFor();
    expect(await keyRow.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
    expect((await callWithKey(key, 'GET', '/workflows')).status).toBe(401);

    // The new reviewer signs in, and finds no Access page.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('status').getByText('You have signed out.').waitFor();
    await page.goto(new URL('/', caseworkUrl()).href);
    await signIn(page, reviewer.email, reviewer.password);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('reviewer');
    expect(await nav(page).getByRole('link', { name: 'Access' }).count()).toBe(0);
    await page.goto(new URL('/#/access', caseworkUrl()).href);
    await page.getByRole('alert').getByText('Only admins manage users and API keys.').waitFor();
    // Besides the sign-in screen's 401s, only the refused user (400, shown by the form) made the console speak.
    expect(unexpectedProblems(problems).filter((problem) => !refusedWith400(problem, '/api/v1/users'))).toEqual([]);
  });

  it('changes a role, sets a new password, disables and enables a user', async () => {
    const { page, context, problems } = session;
    await signInContext(context, 'admin');
    const user = await createTestUser('viewer');
    await page.goto(new URL('/#/access', caseworkUrl()).href);
    const row = page.getByTestId('user-row').filter({ hasText: user.email });

    await row.getByRole('button', { name: `Change the role of ${user.email}` }).click();
    const roleDialog = page.getByRole('dialog', { name: `Change the role of ${user.email}` });
    await roleDialog.getByLabel('Role').selectOption('designer');
    await roleDialog.getByRole('button', { name: 'Change role' }).click();
    await roleDialog.waitFor({ state: 'detached' });
    expect(await row.getByTestId('user-role').textContent()).toBe('designer');

    await row.getByRole('button', { name: `Set a new password for ${user.email}` }).click();
    const passwordDialog = page.getByRole('dialog', { name: `Set a new password for ${user.email}` });
    await passwordDialog.getByLabel('New password').fill('short');
    await passwordDialog.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => passwordDialog.getByLabel('New password').getAttribute('aria-invalid')).toBe('true');
    await passwordDialog.getByLabel('New password').fill('a brand new passphrase');
    await passwordDialog.getByRole('button', { name: 'Set password' }).click();
    await passwordDialog.waitFor({ state: 'detached' });

    await row.getByRole('button', { name: `Disable ${user.email}` }).click();
    await page
      .getByRole('dialog', { name: `Disable ${user.email}?` })
      .getByRole('button', { name: 'Disable user' })
      .click();
    await row.getByText('Disabled', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Enable ${user.email}` }).click();
    await page
      .getByRole('dialog', { name: `Enable ${user.email}?` })
      .getByRole('button', { name: 'Enable user' })
      .click();
    await row.getByText('Active', { exact: true }).waitFor();

    // The user signs in with the new password, as a designer.
    const signIn = await fetch(new URL('/api/v1/sessions', caseworkUrl()), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        data: { attributes: { 'email-address': user.email, password: 'a brand new passphrase' } },
      }),
    });
    expect(signIn.status).toBe(201);
    expect(((await signIn.json()) as { data: { attributes: { role: string } } }).data.attributes.role).toBe('designer');
    expect(problems.filter((problem) => !refusedWith400(problem, `/api/v1/users/${user.id}`))).toEqual([]);
  });

  it('offers a viewer no changes, and shows a refusal of the API as a message', async () => {
    const { page, context, problems } = session;
    const workflowId = await createWorkflow(`Read only (${uniqueSuffix()})`);
    await signInContext(context, 'viewer');
    await page.goto(new URL('/', caseworkUrl()).href);
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Create workflow' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Rename|Delete) / }).count()).toBe(0);
    await openWorkflow(page, workflowId);
    await page.getByTestId('read-only-badge').waitFor();
    for (const name of ['Publish…', 'Run…']) expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Node palette' }).count()).toBe(0);
    await nav(page).getByRole('link', { name: 'Case setup' }).click();
    await page.getByRole('heading', { name: 'Case setup' }).waitFor();
    expect(await page.getByRole('button', { name: 'New template' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Create queue' }).count()).toBe(0);

    expect(problems).toEqual([]);
  });

  it("shows the API's refusal of a role as a message, not a crash", async () => {
    const { page, context } = session;
    const workflowId = await createWorkflow(`Trigger only (${uniqueSuffix()})`);
    // A user with the trigger role (meant for keys) may read workflows and start runs, but not read versions.
    await signInContext(context, 'trigger');
    await openWorkflow(page, workflowId);
    await page.getByRole('button', { name: 'Run…' }).waitFor();
    expect(await page.getByRole('button', { name: 'Publish…' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Versions' }).click();
    await page
      .getByRole('alert')
      .getByText(/^The trigger role may not GET \/api\/v1\/workflows\/:id\/versions/)
      .waitFor();
    // The page still works: the panel closes, the canvas is there.
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.locator('.react-flow__node').first().waitFor();
  });
});
