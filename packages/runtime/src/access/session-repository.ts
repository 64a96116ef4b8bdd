import type { Db } from 'mongodb';
import { accessCollections, type SessionDocument } from './access-collections.ts';

export function createSessionRepository(db: Db) {
  const { sessions } = accessCollections(db);
  return {
    insert: async (session: SessionDocument) => {
      await sessions.insertOne(session);
    },
    findById: (id: string) => sessions.findOne({ _id: id }),
    delete: async (id: string) => {
      await sessions.deleteOne({ _id: id });
    },
    /** Expiry in code (the embedded store's TTL indexes never delete). */
    deleteExpired: async (now: Date) => {
      await sessions.deleteMany({ expiresAt: { $lt: now } });
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
