import type { CompileIssue } from '@casework/shared';

/** zod's wording for a value left empty, said the way a form says it. */
const rewrites: readonly [RegExp, string][] = [
  [/^Too small: expected string to have >=1 characters?$/, 'Required'],
  [/^Invalid input: expected \w+, received undefined$/, 'Required'],
  [/^Too small: expected array to have >=1 items?$/, 'Add at least one'],
];

/** What an issue says next to its field: compile's message, with zod's "empty value" messages made plain. */
export function issueMessage(found: CompileIssue): string {
  if (found.code !== 'invalid-params') return found.message;
  return rewrites.find(([pattern]) => pattern.test(found.message))?.[1] ?? found.message;
}
