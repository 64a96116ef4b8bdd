import { z } from 'zod';

export const statusTypes = ['initial', 'intermediate', 'end'] as const;
export type StatusType = (typeof statusTypes)[number];

export const caseStatusDefinitionSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lowercase letters, digits, "_" or "-"'),
  type: z.enum(statusTypes),
});
export type CaseStatusDefinition = z.infer<typeof caseStatusDefinitionSchema>;

/** What entering `to` from `from` means for the case's lifecycle (docs/architecture.md, "Cases"). */
export type StatusTransition = 'resolves' | 'reopens' | 'none';

export function statusTransition(
  statuses: readonly CaseStatusDefinition[],
  from: string,
  to: string,
): StatusTransition {
  const isEnd = (name: string) => statuses.some((status) => status.name === name && status.type === 'end');
  if (isEnd(to) && !isEnd(from)) return 'resolves';
  if (!isEnd(to) && isEnd(from)) return 'reopens';
  return 'none';
}

export const initialStatus = (statuses: readonly CaseStatusDefinition[]) =>
  statuses.find((status) => status.type === 'initial')?.name;
