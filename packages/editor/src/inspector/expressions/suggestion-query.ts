import type { PathSuggestion } from './path-suggestions.ts';

/** A path being typed inside `{{ … }}`: the text from `start` to the caret. */
export interface SuggestionQuery {
  start: number;
  end: number;
  /** The typed path with plain dots and no backticks. */
  plain: string;
}

/** Characters of a path being typed (backticks and `-` included: ``trigger.`inquiry-`` is still a path). */
const pathTail = /[A-Za-z0-9_$`.-]*$/;

/** The path typed just before `caret`, when the caret is inside an open `{{ … }}`; null elsewhere. */
export function suggestionQuery(text: string, caret: number): SuggestionQuery | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.indexOf('}}', open + 2) >= 0) return null;
  const typed = pathTail.exec(before.slice(open + 2))?.[0] ?? '';
  return { start: caret - typed.length, end: caret, plain: typed.replace(/`/g, '') };
}

/**
 * The suggestions matching a query: paths starting with what was typed first, then (from two characters on)
 * paths containing it; at most `limit`. A path typed out in full with nothing below it suggests nothing.
 */
export function matchSuggestions(all: readonly PathSuggestion[], query: SuggestionQuery, limit = 50): PathSuggestion[] {
  const typed = query.plain.toLowerCase();
  const starts = all.filter((candidate) => candidate.plain.toLowerCase().startsWith(typed));
  const contains =
    typed.length < 2
      ? []
      : all.filter(
          (candidate) =>
            !candidate.plain.toLowerCase().startsWith(typed) && candidate.plain.toLowerCase().includes(typed),
        );
  const matches = [...starts, ...contains];
  const [only] = matches;
  if (matches.length === 1 && only?.plain.toLowerCase() === typed) return [];
  return matches.slice(0, limit);
}

/**
 * The text with the query replaced by the suggestion's path, closed with ` }}` when the expression has no
 * closing braces yet, and where the caret goes (right after the inserted path).
 */
export function applySuggestion(
  text: string,
  query: SuggestionQuery,
  suggestion: PathSuggestion,
): { text: string; caret: number } {
  const after = text.slice(query.end);
  const nextOpen = after.indexOf('{{');
  const close = after.indexOf('}}');
  const closed = close >= 0 && (nextOpen < 0 || close < nextOpen);
  const inserted = closed ? suggestion.path : `${suggestion.path} }}`;
  return {
    text: `${text.slice(0, query.start)}${inserted}${after}`,
    caret: query.start + suggestion.path.length,
  };
}
