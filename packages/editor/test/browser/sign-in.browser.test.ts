import { describe, expect, it } from 'vitest';
import { browserSession, unexpectedProblems } from './browser-session.ts';
import { caseworkUrl } from './browser.ts';
import { addSessionCookie, createSession, createTestUser, endSession, stackAdmin } from './casework-api.ts';

describe('signing in to the editor with email and password', { timeout: 60_000 }, () => {
  // Signed out: each test signs in its own way, if at all.
  const session = browserSession({ signedIn: false });

  const home = () => session.page.goto(new URL('/', caseworkUrl()).href);
  const signInWith = async (email: string, password: string) => {
    const { page } = session;
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('signs in as the admin `npm start` printed, says who is signed in, and stays signed in on reload', async () => {
    const { page, context, problems } = session;
    const admin = stackAdmin();
    await home();
    await page.getByRole('heading', { name: 'Sign in to Casework' }).waitFor();
    expect(await page.locator('.sign-in-help').textContent()).toContain('the admin npm start printed');
    await signInWith(admin.email, admin.password);
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
    const header = page.getByRole('banner');
    expect(await header.getByTestId('signed-in-as').textContent()).toBe(`Signed in as ${admin.email}adminSign out`);
    // The session is an HttpOnly cookie: the page's script can't read it, and nothing is kept in localStorage.
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'casework_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(await page.evaluate(() => [document.cookie, window.localStorage.length])).toEqual(['', 0]);
    await page.reload();
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('says so when the password is wrong, and signs in once it is right', async () => {
    const { page } = session;
    const user = await createTestUser('designer');
    await home();
    await signInWith(user.email, 'not the password at all');
    await page.getByRole('alert').getByText('Wrong email address or password').waitFor();
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByLabel('Email address').inputValue()).toBe(user.email);
    await signInWith(user.email, user.password);
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('designer');
  });

  it('says to wait after too many attempts for one address', async () => {
    const { page } = session;
    const user = await createTestUser('viewer');
    // Ten wrong attempts from node use up the address's allowance (10 per 5 minutes).
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await createSession(user.email, 'wrong password').catch(() => undefined);
    }
    await home();
    await signInWith(user.email, user.password);
    await page
      .getByRole('alert')
      .getByText(/^Too many sign-in attempts for this email address\. .*try again in \d+ s\.$/)
      .waitFor();
    await page.getByRole('heading', { name: 'Sign in to Casework' }).waitFor();
  });

  it('signs out: the sign-in screen comes back and a reload does not sign in again', async () => {
    const { page, problems } = session;
    const user = await createTestUser('reviewer');
    await home();
    await signInWith(user.email, user.password);
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('status').getByText('You have signed out.').waitFor();
    await page.getByLabel('Email address').waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Casework' }).waitFor();
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('brings the sign-in screen back, saying why, when the session ends elsewhere', async () => {
    const { page, context } = session;
    const user = await createTestUser('designer');
    const signedIn = await createSession(user.email, user.password);
    await addSessionCookie(context, signedIn);
    await home();
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
    // The session ends on the api (as when it expires, or the user signs out in another tab): the next request
    // the page makes answers 401. Going to Case setup makes some (set through the URL: a link clicked now could
    // already be gone, if a request of the home page got there first).
    await endSession(signedIn);
    await page.evaluate(() => {
      window.location.hash = '#/case-setup';
    });
    await page.getByRole('status').getByText('Your session has expired or ended').waitFor();
    await page.getByLabel('Email address').waitFor();
    await signInWith(user.email, user.password);
    await page.getByRole('heading', { name: 'Case setup' }).waitFor();
  });
});
