import { z } from 'zod';

// What names, labels and notes may hold, the same everywhere (docs/architecture.md, "HTTP API conventions"):
// printable text. Control characters (NUL, escapes, bidi-free but invisible bytes from a bad copy) are refused with
// the same message wherever they appear.
// The control characters (Unicode's Cc) are U+0000–U+001F and U+007F–U+009F. Spelled as ranges rather than `\P{Cc}`,
// since the pattern lands in the OpenAPI document and not every client's regex engine knows Unicode properties.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const noControl = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// eslint-disable-next-line no-control-regex -- as above
const noControlButLines = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;

/**
 * One line of printable text, 1 to `max` characters: names, statuses, tags. `trim` for values that are never typed
 * live (tags); names are kept as typed, since the editor autosaves while the user types.
 */
export const singleLine = (max: number, { trim = false } = {}) => {
  const text = z.string().max(max).regex(noControl, 'must not contain control characters');
  // Checked as sent, then trimmed: a value of only spaces is empty. The pattern says so in the OpenAPI document
  // (JavaScript's `\s` and `trim()` also take U+FEFF, which other regex engines' `\s` does not).
  return trim
    ? text
        .trim()
        .min(1)
        .regex(/[^\s\uFEFF]/, 'must not be blank')
    : text.min(1);
};

/**
 * Text that starts and ends with something other than white space (what `trim()` removes: JavaScript's `\s`, which
 * unlike other regex engines' also takes U+FEFF). A pattern rather than a refinement, so the OpenAPI document has it.
 */
export const noSurroundingSpace = /^[^\s\uFEFF](?:[\s\S]*[^\s\uFEFF])?$/;

/** A label that may be empty: printable text up to `max` characters. */
export const label = (max: number) => z.string().max(max).regex(noControl, 'must not contain control characters');

/** Text that may span lines (descriptions, notes, comments): tabs and line breaks, no other control characters. */
export const multiLine = (max: number) =>
  z.string().max(max).regex(noControlButLines, 'must not contain control characters other than tabs and line breaks');
