import { escapePointerSegment } from '@casework/shared';

/** Where a value sits inside a node's params: property keys and list indexes. */
export type FormPath = readonly (string | number)[];

/** The JSON pointer compile issues use for a params path: `['operations', 0, 'field']` → `/params/operations/0/field`. */
export const paramsPointer = (path: FormPath): string =>
  path.reduce<string>((at, segment) => `${at}/${escapePointerSegment(String(segment))}`, '/params');

/** Whether `path` matches `pattern`, where `*` stands for any one key or index. */
export const matchesPath = (path: FormPath, pattern: readonly string[]): boolean =>
  path.length === pattern.length &&
  pattern.every((segment, index) => segment === '*' || segment === String(path[index]));

/** A stable DOM id fragment for a path (ids must not contain spaces; pointers may). */
export const pathId = (path: FormPath): string =>
  path.map((segment) => String(segment).replace(/[^A-Za-z0-9_-]/g, '_')).join('.') || 'root';
