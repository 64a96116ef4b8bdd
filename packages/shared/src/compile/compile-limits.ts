/** Limits of docs/architecture.md, "Workflows": what one workflow may hold. */
export const compileLimits = { nodes: 500, edges: 2000, planBytes: 256 * 1024 } as const;

/**
 * A `logic.for-each` runs at most this many items (more is a step error, as is a literal list longer than this at
 * compile time): a loop never continues as new, so this bounds the history it adds to its run.
 */
export const forEachMaxItems = 1_000;

/** UTF-8 size of a string, computed without `TextEncoder` (shared code uses no host APIs). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}
