import type { Role } from '@casework/shared';

/**
 * What the signed-in role may do, as far as the editor offers it: the api's role table
 * (packages/runtime/src/access/access-policy.ts) decides, and a 403 is shown like any refusal. This only keeps the
 * editor from offering what is sure to be refused.
 */
export interface Permissions {
  /** Change workflows, case templates and queues: draw, publish, restore, rename, delete, create, archive. */
  design: boolean;
  /** Start runs of a workflow. */
  trigger: boolean;
  /** Work cases: edit fields, set status, assign, comment, tag, move, set the SLA, redact (the reviewer console). */
  work: boolean;
  /** Manage users and API keys (the Access page). */
  administer: boolean;
}

export const noPermissions: Permissions = { design: false, trigger: false, work: false, administer: false };

export function permissionsOf(role: Role | null | undefined): Permissions {
  if (role === null || role === undefined) return noPermissions;
  return {
    design: role === 'admin' || role === 'designer',
    trigger: role === 'admin' || role === 'designer' || role === 'trigger',
    work: role === 'admin' || role === 'reviewer',
    administer: role === 'admin',
  };
}
