import { randomBytes } from 'node:crypto';
import { ID_RANDOM_LENGTH, idPrefixes, type IdKind } from '@casework/shared';

/** A new opaque id: the kind's prefix + 24 url-safe random characters (18 random bytes). */
export function newId(kind: IdKind): string {
  return idPrefixes[kind] + randomBytes((ID_RANDOM_LENGTH * 3) / 4).toString('base64url');
}
