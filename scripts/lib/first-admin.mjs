import { randomBytes } from 'node:crypto';

/**
 * The web app's first admin, created by the api while no user exists (packages/runtime/src/access/access-composition.ts):
 * CASEWORK_ADMIN_EMAIL / CASEWORK_ADMIN_PASSWORD, else `admin@casework.local` with a fresh random password. The
 * password is stored nowhere: it only matters on the start that creates the admin, which prints it.
 */
export function firstAdmin(env = process.env) {
  return {
    email: env.CASEWORK_ADMIN_EMAIL ?? 'admin@casework.local',
    password: env.CASEWORK_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url'),
    given: env.CASEWORK_ADMIN_PASSWORD !== undefined,
  };
}

/** Whether `admin` can sign in on the api at `apiUrl` (true on the start that created it); signs out again. */
export async function adminSignsIn(apiUrl, admin) {
  const response = await fetch(`${apiUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { attributes: { 'email-address': admin.email, password: admin.password } } }),
  });
  if (response.status !== 201) return false;
  const session = await response.json();
  await fetch(`${apiUrl}/api/v1/session`, {
    method: 'DELETE',
    headers: {
      cookie: (response.headers.get('set-cookie') ?? '').split(';')[0],
      'x-csrf-token': session.data.attributes['csrf-token'],
    },
  });
  return true;
}
