import type { UnionDescriptor } from '../schema/field-descriptor.ts';
import { initialObject } from '../schema/initial-value.ts';

export type Params = Record<string, unknown>;

export const isRecord = (value: unknown): value is Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asRecord = (value: unknown): Params => (isRecord(value) ? value : {});
export const asList = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** `object` with `key` set to `value`, or without `key` when `value` is undefined; keys keep their order. */
export function withProperty(object: unknown, key: string, value: unknown): Params {
  const record = asRecord(object);
  if (value === undefined) {
    if (!Object.hasOwn(record, key)) return record;
    return Object.fromEntries(Object.entries(record).filter(([other]) => other !== key));
  }
  return { ...record, [key]: value };
}

/** `record` with `from` renamed to `to` in place (same position); unchanged when `to` is taken. */
export function renameKey(record: unknown, from: string, to: string): Params {
  const entries = Object.entries(asRecord(record));
  if (from === to || entries.some(([key]) => key === to)) return asRecord(record);
  return Object.fromEntries(entries.map(([key, value]) => [key === from ? to : key, value]));
}

export const withItem = (list: unknown, index: number, value: unknown): unknown[] =>
  asList(list).map((item, at) => (at === index ? value : item));

export const withoutItem = (list: unknown, index: number): unknown[] => asList(list).filter((_, at) => at !== index);

/** `list` with the item at `from` moved to `to` (clamped); unchanged when either is out of range. */
export function movedItem(list: unknown, from: number, to: number): unknown[] {
  const items = [...asList(list)];
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return items;
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item);
  return items;
}

/**
 * A union value switched to `variant`: the discriminator changes, properties the new variant also has are
 * kept (a field operation keeps its `field` and, between `set`/`push`/…, its `value`), missing required ones
 * start from their initial values, and the rest are dropped (`unset` has no `value`).
 */
export function switchVariant(value: unknown, union: UnionDescriptor, variant: string): Params {
  const target = union.variants.find((candidate) => candidate.value === variant);
  if (!target) return asRecord(value);
  const keys = new Set(target.properties.map((property) => property.key));
  const next: Params = {};
  for (const [key, kept] of Object.entries(asRecord(value))) {
    if (key === union.discriminator) next[key] = variant;
    else if (keys.has(key)) next[key] = kept;
  }
  next[union.discriminator] = variant;
  for (const [key, initial] of Object.entries(initialObject(target.properties))) {
    if (!Object.hasOwn(next, key)) next[key] = initial;
  }
  return next;
}
