/**
 * The keys of a node's keyed outputs by position, as drafted (a condition's `routes`, a parallel's `branches`):
 * `undefined` where an item has no key that could be a handle (not a string, empty, or the reserved `else`).
 * Position is what identifies an item while its key is being edited: the params hold nothing else that stays put.
 */
export function routeKeys(params: Record<string, unknown>, list = 'routes'): (string | undefined)[] {
  const items: unknown[] = Array.isArray(params[list]) ? params[list] : [];
  return items.map((item) => {
    const key = isRecord(item) ? item.id : undefined;
    return typeof key === 'string' && key !== '' && key !== 'else' ? key : undefined;
  });
}

/** The params list whose item ids are a kind's output handles, edited in place by the inspector. */
export const keyedHandleLists: Readonly<Record<string, string>> = {
  'logic.condition': 'routes',
  'logic.parallel': 'branches',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
