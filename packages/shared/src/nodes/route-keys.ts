/**
 * A condition's route keys by position, as drafted: `undefined` where a route has no key that could be a
 * handle (not a string, empty, or the reserved `else`). Position is what identifies a route while its key
 * is being edited: the params hold nothing else that stays put.
 */
export function routeKeys(params: Record<string, unknown>): (string | undefined)[] {
  const routes: unknown[] = Array.isArray(params.routes) ? params.routes : [];
  return routes.map((route) => {
    const key = isRecord(route) ? route.id : undefined;
    return typeof key === 'string' && key !== '' && key !== 'else' ? key : undefined;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
