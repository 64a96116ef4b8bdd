import { z } from 'zod';

// What names, labels and notes may hold, the same everywhere (docs/architecture.md, "HTTP API conventions"):
// printable text. Control characters (NUL, escapes, bidi-free but invisible bytes from a bad copy) are refused with
// the same message wherever they appear.
const noControl = /^\P{Cc}*$/u;
const noControlButLines = /^(?:\P{Cc}|[\t\n\r])*$/u;

/**
 * One line of printable text, 1 to `max` characters: names, statuses, tags. `trim` for values that are never typed
 * live (tags); names are kept as typed, since the editor autosaves while the user types.
 */
export const singleLine = (max: number, { trim = false } = {}) =>
  (trim ? z.string().trim() : z.string()).min(1).max(max).regex(noControl, 'must not contain control characters');

/** A label that may be empty: printable text up to `max` characters. */
export const label = (max: number) => z.string().max(max).regex(noControl, 'must not contain control characters');

/** Text that may span lines (descriptions, notes, comments): tabs and line breaks, no other control characters. */
export const multiLine = (max: number) =>
  z.string().max(max).regex(noControlButLines, 'must not contain control characters other than tabs and line breaks');
