import type { CatalogSnapshot } from '../compile/catalog-snapshot.ts';

/** Helpers for the canvas summaries of node kinds: they read draft params, which may be of any shape. */
type Params = Record<string, unknown>;

const units: Record<string, [string, string]> = {
  seconds: ['second', 'seconds'],
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
};

export const summaryText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
export const summaryList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const summaryRecord = (value: unknown): Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Params) : {};

/** `2 hours`, `1 day`; undefined unless the value looks like `{ amount, unit }`. */
export function formatDuration(value: unknown): string | undefined {
  const { amount, unit } = summaryRecord(value);
  const names = typeof unit === 'string' ? units[unit] : undefined;
  if (typeof amount !== 'number' || !names) return undefined;
  return `${amount} ${amount === 1 ? names[0] : names[1]}`;
}

/** `a, b, c +2`: the first few items, then how many more. */
export function summarizeSome(items: readonly string[], shown = 3): string | undefined {
  if (items.length === 0) return undefined;
  const more = items.length - shown;
  return `${items.slice(0, shown).join(', ')}${more > 0 ? ` +${more}` : ''}`;
}

/** A list of strings as `a, b, c +2` (`?` for an item that is not a string). */
export const summarizeStrings = (value: unknown, shown = 3) =>
  summarizeSome(
    summaryList(value).map((item) => (typeof item === 'string' ? item : '?')),
    shown,
  );

/** A template by its key when the catalog knows it, else by id. */
export function templateName(id: string | undefined, catalog: CatalogSnapshot): string | undefined {
  if (id === undefined) return undefined;
  return catalog.templates.find((template) => template.id === id)?.key ?? id;
}

/** Which case an action acts on: `case of <node>`. */
export const caseLine = (params: Params) => {
  const node = summaryText(summaryRecord(params.case).node);
  return node === undefined ? 'case: not chosen' : `case of ${node}`;
};
