import { roles } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../src/session/permissions.ts';
import { signInProblem } from '../src/session/sign-in-problem.ts';
import { parseApiError } from '../src/api/api-error.ts';

describe('what the editor offers each role', () => {
  it('offers designing to admins and designers, running to them and trigger, case work to admins and reviewers, Access to admins only', () => {
    const offered = Object.fromEntries(roles.map((role) => [role, permissionsOf(role)]));
    expect(offered).toEqual({
      admin: { design: true, trigger: true, work: true, administer: true },
      designer: { design: true, trigger: true, work: false, administer: false },
      reviewer: { design: false, trigger: false, work: true, administer: false },
      viewer: { design: false, trigger: false, work: false, administer: false },
      trigger: { design: false, trigger: true, work: false, administer: false },
    });
    expect(permissionsOf(null)).toEqual({ design: false, trigger: false, work: false, administer: false });
  });
});

describe('what the sign-in screen says when signing in fails', () => {
  const refusal = (status: number, details: string, pointer?: string) =>
    parseApiError(status, { errors: [{ title: 'x', details, ...(pointer ? { source: { pointer } } : {}) }] });

  it('names wrong credentials, too many attempts (with how long to wait) and a malformed address', () => {
    expect(signInProblem(refusal(401, 'Wrong email address or password.'))).toMatch(/^Wrong email address or password/);
    expect(signInProblem(refusal(429, 'Too many sign-in attempts; try again in 42 s.'))).toMatch(
      /^Too many sign-in attempts for this email address\. .*try again in 42 s\.$/,
    );
    expect(signInProblem(refusal(400, 'Invalid email address', '/data/attributes/email-address'))).toBe(
      'That is not an email address. Check it and try again.',
    );
  });
});
