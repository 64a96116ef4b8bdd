import { expressionsOf, parseExpression, parseTemplate } from '@casework/shared';

/** Why a parameter string's `{{ … }}` parts don't parse, with where (a character offset into the string). */
export interface ExpressionProblem {
  /** `unterminated`: a `{{` without `}}` (the usual state while an expression is being typed). */
  kind: 'syntax' | 'unterminated';
  message: string;
  /** Offset into the whole string, as compile reports it; null when jsonata doesn't say. */
  position: number | null;
}

/**
 * The syntax problems of a parameter string as the user types it: a `{{` never closed, an empty `{{ }}`, or
 * JSONata that doesn't parse (jsonata's own message and position, shifted to the whole string, as compile does).
 */
export function expressionProblems(text: string): ExpressionProblem[] {
  const parsed = parseTemplate(text);
  const closed = parsed.kind === 'unterminated' ? text.slice(0, parsed.offset) : text;
  const problems: ExpressionProblem[] = [];
  for (const expression of expressionsOf(closed)) {
    const result = parseExpression(expression.source);
    if (!result.ok) {
      const position = result.position === null ? null : expression.offset + result.position;
      problems.push({ kind: 'syntax', message: result.message, position });
    }
  }
  if (parsed.kind === 'unterminated') {
    problems.push({ kind: 'unterminated', message: '"{{" is never closed by "}}"', position: parsed.offset });
  }
  return problems;
}

/** `Expected "]" (at character 14)`. */
export const problemText = (problem: ExpressionProblem): string =>
  problem.position === null ? problem.message : `${problem.message} (at character ${problem.position})`;

/**
 * The problems worth showing while the caret is at `caret` (null: not editing): an unclosed `{{` before the
 * caret is an expression being typed, not yet a mistake.
 */
export const visibleProblems = (problems: readonly ExpressionProblem[], caret: number | null): ExpressionProblem[] =>
  problems.filter(
    (problem) =>
      problem.kind !== 'unterminated' || caret === null || problem.position === null || caret <= problem.position,
  );
