import type { Role } from '@casework/shared';
import type { Db } from 'mongodb';
import { ensureIndex } from '../platform/db/indexes.ts';

/** Collection names of the access domain: persisted, so never renamed. */
export const accessCollectionNames = {
  apiKeys: 'api_keys',
  users: 'users',
  sessions: 'sessions',
} as const;

export interface ApiKeyDocument {
  _id: string;
  /** SHA-256 of the key, hex. The key itself is never stored. */
  hash: string;
  name: string;
  createdAt: Date;
  /** Absent on keys stored before roles existed: those were all-powerful, so they count as `admin`. */
  role?: Role;
  /** The key's first characters, to recognise it in a list. Absent on keys stored before roles existed. */
  prefix?: string;
  /** CASEWORK_API_KEY's record (`false` for keys created through the API; absent on older records, all configured). */
  configured?: boolean;
  creatorId?: string | null;
  /** Set once, when revoked: the key is refused from then on. */
  revokedAt?: Date;
}

export interface UserDocument {
  _id: string;
  /** Lower-cased: one account per address, whatever its case when typed. */
  email: string;
  name: string | null;
  role: Role;
  /** `scrypt$…` (access/password.ts); the password itself is never stored. */
  passwordHash: string;
  disabled: boolean;
  /** Sessions started before this moment are refused: set when the password changes or the user is disabled. */
  sessionsValidFrom: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface SessionDocument {
  /** SHA-256 of the session cookie's token, hex: a stolen database holds no usable cookie. */
  _id: string;
  userId: string;
  /** The secret the CSRF tokens of this session are made from (access/session-service.ts). */
  csrfSecret: string;
  createdAt: Date;
  expiresAt: Date;
}

export function accessCollections(db: Db) {
  return {
    apiKeys: db.collection<ApiKeyDocument>(accessCollectionNames.apiKeys),
    users: db.collection<UserDocument>(accessCollectionNames.users),
    sessions: db.collection<SessionDocument>(accessCollectionNames.sessions),
  };
}

/** Keys are found by hash and users by email: both unique, so the embedded store uses the index too. */
export async function ensureAccessIndexes(db: Db): Promise<void> {
  const { apiKeys, users, sessions } = accessCollections(db);
  await ensureIndex(apiKeys, { hash: 1 }, { unique: true, name: 'hash_unique' });
  await ensureIndex(users, { email: 1 }, { unique: true, name: 'email_unique' });
  // Expiry is done in code (the embedded store's TTL indexes never delete): this serves the purge at sign-in.
  await ensureIndex(sessions, { expiresAt: 1 }, { name: 'expires_at' });
}
