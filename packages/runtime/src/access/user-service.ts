import type { z } from 'zod';
import type {
  UserResource,
  createUserRequestSchema,
  updateUserRequestSchema,
  userListQuerySchema,
} from '@casework/shared';
import type { Clock } from '../platform/clock.ts';
import { ConflictError, NotFoundError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { requestUrl } from '../platform/pagination.ts';
import type { UserDocument } from './access-collections.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import type { UserRepository } from './user-repository.ts';

export type CreateUserAttributes = z.output<typeof createUserRequestSchema>['data']['attributes'];
export type UpdateUserAttributes = z.output<typeof updateUserRequestSchema>['data']['attributes'];
export type UserListQuery = z.output<typeof userListQuerySchema>;

export function userResource(user: UserDocument): UserResource {
  return {
    type: 'user',
    id: user._id,
    attributes: {
      'email-address': user.email,
      name: user.name,
      role: user.role,
      disabled: user.disabled,
      'created-at': user.createdAt.toISOString(),
      'updated-at': user.updatedAt.toISOString(),
    },
  };
}

export function createUserService(deps: { users: UserRepository; clock: Clock }) {
  const find = async (id: string) => {
    const user = await deps.users.findById(id);
    if (!user) throw new NotFoundError(`No user with id ${id}.`);
    return user;
  };

  const insert = async (attributes: CreateUserAttributes): Promise<UserDocument | null> => {
    const now = deps.clock();
    const user: UserDocument = {
      _id: newId('user'),
      email: attributes['email-address'],
      name: attributes.name,
      role: attributes.role,
      passwordHash: await hashPassword(attributes.password),
      disabled: false,
      sessionsValidFrom: now,
      createdAt: now,
      updatedAt: now,
    };
    return (await deps.users.insert(user)) ? user : null;
  };

  return {
    find,

    async create(attributes: CreateUserAttributes): Promise<UserResource> {
      const user = await insert(attributes);
      if (!user) {
        throw new ConflictError(
          `A user with the email address ${attributes['email-address']} exists.`,
          '/data/attributes/email-address',
        );
      }
      return userResource(user);
    },

    /** The first admin (`npm start` names one): created only while no user exists at all. True when created. */
    async ensureFirstAdmin(email: string, password: string): Promise<boolean> {
      if (await deps.users.any()) return false;
      const user = await insert({ 'email-address': email.toLowerCase(), name: 'Admin', password, role: 'admin' });
      return user !== null;
    },

    async list(query: UserListQuery, url: ReturnType<typeof requestUrl>) {
      const page = await deps.users.list({}, query, url);
      return { data: page.items.map(userResource), links: page.links };
    },

    get: async (id: string) => userResource(await find(id)),

    /**
     * Changes name, role, password or disabled. A new password or disabling ends the user's sessions. The last
     * active admin can be neither demoted nor disabled (409), so the instance never locks itself out.
     */
    async update(id: string, attributes: UpdateUserAttributes): Promise<UserResource> {
      const user = await find(id);
      const losesAdmin =
        user.role === 'admin' &&
        !user.disabled &&
        ((attributes.role !== undefined && attributes.role !== 'admin') || attributes.disabled === true);
      if (losesAdmin && (await deps.users.otherActiveAdmins(id, 1)).length === 0) {
        throw new ConflictError('This is the last active admin: make another user admin first.', '/data/attributes');
      }
      const now = deps.clock();
      const set: Partial<UserDocument> = { updatedAt: now };
      if (attributes.name !== undefined) set.name = attributes.name;
      if (attributes.role !== undefined) set.role = attributes.role;
      if (attributes.disabled !== undefined) set.disabled = attributes.disabled;
      if (attributes.password !== undefined) set.passwordHash = await hashPassword(attributes.password);
      if (attributes.password !== undefined || attributes.disabled === true) set.sessionsValidFrom = now;
      const updated = await deps.users.update(id, set);
      if (!updated) throw new NotFoundError(`No user with id ${id}.`);
      return userResource(updated);
    },

    /** The active user with that email and password, or null; as slow for an unknown address as for a wrong password. */
    async verifyCredentials(email: string, password: string): Promise<UserDocument | null> {
      const user = await deps.users.findByEmail(email.toLowerCase());
      const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
      return user && matches && !user.disabled ? user : null;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
