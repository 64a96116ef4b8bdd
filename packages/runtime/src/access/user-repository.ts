import type { Db, Filter } from 'mongodb';
import { isDuplicateKeyError } from '../platform/db/duplicate-key.ts';
import { paginate, type PageQuery } from '../platform/pagination.ts';
import { accessCollections, type UserDocument } from './access-collections.ts';

export function createUserRepository(db: Db) {
  const { users } = accessCollections(db);
  return {
    findById: (id: string) => users.findOne({ _id: id }),
    findByEmail: (email: string) => users.findOne({ email }),
    /** Inserts the user; false when the email address already has an account (its unique index decides). */
    async insert(user: UserDocument): Promise<boolean> {
      try {
        await users.insertOne(user);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    /** Whether any user exists: decides whether the first admin is created. */
    any: async () => (await users.findOne({}, { projection: { _id: 1 } })) !== null,
    /** Active admins other than `id` (at most `limit`): the last admin may not be demoted or disabled. */
    otherActiveAdmins: (id: string, limit: number) =>
      users
        .find({ role: 'admin', disabled: false, _id: { $ne: id } }, { projection: { _id: 1 } })
        .limit(limit)
        .toArray(),
    list: (filter: Filter<UserDocument>, page: PageQuery, url: Parameters<typeof paginate>[3]) =>
      paginate(users, filter, page, url),
    update: (id: string, set: Partial<UserDocument>) =>
      users.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }),
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
