import { ExpressionError } from './expression-error.ts';

const maxNesting = 1_000;

const isFunction = (value: unknown) =>
  typeof value === 'function' ||
  (value !== null && typeof value === 'object' && ('_jsonata_lambda' in value || '_jsonata_function' in value));

/** UTF-8 size of JSON text (already escaped by `JSON.stringify`, so no lone surrogates remain). */
function utf8Bytes(json: string): number {
  let bytes = json.length;
  for (let index = 0; index < json.length; index++) {
    const code = json.charCodeAt(index);
    // A surrogate pair is 2 code units and 4 bytes; other characters from U+0800 take 3 bytes.
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

const tooLarge = (message: string) => new ExpressionError(message, { code: 'size-exceeded' });

/**
 * Copies a jsonata result into plain JSON: sequences become plain arrays and objects plain objects (a key or
 * item whose value is `undefined` is left out), so nothing jsonata-internal or shared with the input escapes.
 * Throws on a function or a non-finite number, and when the JSON would exceed `maxBytes` (UTF-8), counting
 * while copying so a huge result fails early.
 */
export function toPlainJson(value: unknown, maxBytes: number): unknown {
  let bytes = 0;
  const spend = (count: number) => {
    bytes += count;
    if (bytes > maxBytes) throw tooLarge(`the result is larger than ${maxBytes} bytes of JSON`);
  };
  const copy = (item: unknown, nesting: number): unknown => {
    switch (typeof item) {
      case 'undefined':
        return undefined;
      case 'boolean':
      case 'number':
        if (!Number.isFinite(item) && typeof item === 'number') {
          throw new ExpressionError(`the result holds a number out of range: ${item}`);
        }
        spend(String(item).length);
        return item;
      case 'string':
        spend(item.length + 2); // a lower bound first, so a huge string fails before it is scanned
        spend(utf8Bytes(JSON.stringify(item)) - item.length - 2);
        return item;
      case 'object':
        if (item === null) {
          spend(4);
          return null;
        }
        if (isFunction(item)) break;
        if (nesting >= maxNesting) throw tooLarge(`the result is nested deeper than ${maxNesting} levels`);
        return Array.isArray(item) ? copyArray(item, nesting) : copyObject(item, nesting);
      default:
        break;
    }
    throw new ExpressionError(`the expression evaluates to a ${isFunction(item) ? 'function' : typeof item}, not JSON`);
  };
  const copyArray = (array: readonly unknown[], nesting: number) => {
    const items: unknown[] = [];
    spend(2);
    for (const element of array) {
      const plain = copy(element, nesting + 1);
      if (plain === undefined) continue;
      if (items.length > 0) spend(1);
      items.push(plain);
    }
    return items;
  };
  const copyObject = (object: object, nesting: number) => {
    const entries: [string, unknown][] = [];
    spend(2);
    for (const [key, element] of Object.entries(object)) {
      const plain = copy(element, nesting + 1);
      if (plain === undefined) continue;
      spend(utf8Bytes(JSON.stringify(key)) + (entries.length > 0 ? 2 : 1));
      entries.push([key, plain]);
    }
    // fromEntries defines own properties, so a `__proto__` key stays data.
    return Object.fromEntries(entries);
  };
  return copy(value, 0);
}
