import { isApiRequestError } from '../api/api-error.ts';
import { describeError } from '../ui/describe-error.ts';

/**
 * A form's problems: by the slot (a JSON pointer into the request body) whose control shows them, and the ones
 * no control owns, shown at the top of the form.
 */
export interface FormErrors {
  bySlot: ReadonlyMap<string, readonly string[]>;
  general: readonly string[];
}

export const noErrors: FormErrors = { bySlot: new Map(), general: [] };

/** Where a problem at some pointer is shown: the pointer of a control, or null for the top of the form. */
export type SlotOf = (pointer: string) => string | null;

export function errorCount(errors: FormErrors): number {
  let count = errors.general.length;
  for (const messages of errors.bySlot.values()) count += messages.length;
  return count;
}

export const slotErrors = (errors: FormErrors, slot: string): readonly string[] => errors.bySlot.get(slot) ?? [];

/** A JSON pointer from a schema issue's path: `['data', 'attributes', 'key']` → `/data/attributes/key`. */
export function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Gathers `[pointer, message]` problems into slots. */
export function collectErrors(problems: Iterable<readonly [string, string]>, slotOf: SlotOf): FormErrors {
  const bySlot = new Map<string, string[]>();
  const general: string[] = [];
  for (const [pointer, message] of problems) {
    const slot = slotOf(pointer);
    if (slot === null) general.push(message);
    else bySlot.set(slot, [...(bySlot.get(slot) ?? []), message]);
  }
  return { bySlot, general };
}

export function mergeErrors(a: FormErrors, b: FormErrors): FormErrors {
  if (errorCount(b) === 0) return a;
  if (errorCount(a) === 0) return b;
  const bySlot = new Map(a.bySlot);
  for (const [slot, messages] of b.bySlot) bySlot.set(slot, [...(bySlot.get(slot) ?? []), ...messages]);
  return { bySlot, general: [...a.general, ...b.general] };
}

/**
 * A failed request as form problems: each error of the API's error document next to the control its
 * `source.pointer` names, the rest (and failures with no error document: API down, timeout) at the top.
 */
export function errorsFromFailure(failure: unknown, slotOf: SlotOf): FormErrors {
  if (!isApiRequestError(failure) || failure.errors.length === 0)
    return { bySlot: new Map(), general: [describeError(failure)] };
  return collectErrors(
    failure.errors.map((error, index) => {
      const pointer = error.source?.pointer;
      const placed = pointer !== undefined && slotOf(pointer) !== null;
      // Placed next to its control, a message needs no "at body /data/attributes/key"; at the top it does.
      const message = placed
        ? withoutLocation(error.details || error.title, pointer)
        : (failure.messages[index] ?? error.title);
      return [pointer ?? '', message] as const;
    }),
    slotOf,
  );
}

/** The API's validation details end with where the problem is (`… at body /data/attributes/key`). */
function withoutLocation(details: string, pointer: string): string {
  const suffix = ` at body ${pointer}`;
  return details.endsWith(suffix) ? details.slice(0, -suffix.length) : details;
}

/** The value at a JSON pointer, or undefined when the path leads nowhere. */
export function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The server's answer to a submitted body, minus the problems whose control has been edited since: a taken key
 * stops being reported once the key changes. Problems at the top stay until the next submit.
 */
export function liveServerErrors(errors: FormErrors, submitted: unknown, current: unknown): FormErrors {
  const bySlot = new Map<string, readonly string[]>();
  for (const [slot, messages] of errors.bySlot) {
    if (JSON.stringify(valueAt(submitted, slot)) === JSON.stringify(valueAt(current, slot))) bySlot.set(slot, messages);
  }
  return { bySlot, general: errors.general };
}
