import { hasExpression } from '@casework/shared';
import type { PathSuggestion } from './path-suggestions.ts';
import { applySuggestion, matchSuggestions, suggestionQuery } from './suggestion-query.ts';

/** One entry of an input's suggestion list, with the text (and caret) choosing it gives. */
export interface Completion {
  label: string;
  detail: string;
  text: string;
  caret: number;
}

/**
 * What to suggest at the caret: inside `{{ … }}`, the readable paths matching the path being typed; outside,
 * for a choice field, its choices matching the literal typed so far.
 */
export function completionsAt(
  text: string,
  caret: number,
  paths: readonly PathSuggestion[],
  choices: readonly string[] = [],
): Completion[] {
  const query = suggestionQuery(text, caret);
  if (query) {
    return matchSuggestions(paths, query).map((suggestion) => ({
      label: suggestion.path,
      detail: `${suggestion.type} · ${suggestion.source}`,
      ...applySuggestion(text, query, suggestion),
    }));
  }
  if (hasExpression(text)) return [];
  const typed = text.trim().toLowerCase();
  return choices
    .filter((choice) => choice.toLowerCase().startsWith(typed) && choice !== text)
    .map((choice) => ({ label: choice, detail: 'choice', text: choice, caret: choice.length }));
}
