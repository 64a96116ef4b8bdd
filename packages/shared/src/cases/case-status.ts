import { z } from 'zod';
import { noSurroundingSpace, singleLine } from '../api/text.ts';

export const statusTypes = ['initial', 'intermediate', 'end'] as const;
export type StatusType = (typeof statusTypes)[number];

/** A status name: 1–64 printable characters, no surrounding spaces. */
export function statusNameSchema() {
  return singleLine(64).regex(noSurroundingSpace, 'must not begin or end with spaces');
}

export const caseStatusDefinitionSchema = z.strictObject({
  // Display strings as in Persona (`Open`, `Pending Review`, `Approved`): printable text, compared exactly
  // everywhere; unique per template ignoring case (cases/template-rules.ts).
  name: statusNameSchema(),
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
