/** The longest a request may ask to wait (`Prefer: wait=N`, RFC 7240); longer asks are held to it. */
export const MAX_PREFER_WAIT_SECONDS = 30;

/**
 * The seconds a `Prefer` header asks the server to wait (`wait=N`, RFC 7240 §4.3), at most
 * `MAX_PREFER_WAIT_SECONDS`; null when it does not ask. Other preferences (`respond-async`, `return=…`) are ignored,
 * and so is a `wait` that is not a whole number.
 */
export function preferredWaitSeconds(header: string | string[] | undefined): number | null {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  for (const preference of values.flatMap((value) => value.split(','))) {
    const [name, value] = (preference.split(';')[0] ?? '').split('=').map((part) => part.trim().replace(/^"|"$/g, ''));
    if (name?.toLowerCase() !== 'wait' || value === undefined || !/^\d{1,9}$/.test(value)) continue;
    return Math.min(Number(value), MAX_PREFER_WAIT_SECONDS);
  }
  return null;
}
