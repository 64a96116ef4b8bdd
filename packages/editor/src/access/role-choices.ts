import { roles, type Role } from '@casework/shared';
import type { Choice } from '../case-setup/form-controls.tsx';

/** What each role may do, in a few words (packages/runtime/src/access/access-policy.ts has the whole table). */
export const roleSummaries: Record<Role, string> = {
  admin: 'everything, users and API keys included',
  designer: 'workflows, case templates and queues',
  reviewer: 'works cases',
  viewer: 'reads everything, changes nothing',
  trigger: 'starts workflow runs and follows them',
};

export const roleChoices: readonly Choice[] = roles.map((role) => ({
  value: role,
  label: `${role} — ${roleSummaries[role]}`,
}));

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);
