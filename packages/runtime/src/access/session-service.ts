import Tokens from '@fastify/csrf';
import type { Clock } from '../platform/clock.ts';
import { TooManyRequestsError, UnauthorizedError } from '../platform/errors.ts';
import type { RateLimitRepository } from '../platform/rate-limit/rate-limit-repository.ts';
import type { SessionDocument, UserDocument } from './access-collections.ts';
import { hashToken, newSecretToken } from './secret-token.ts';
import type { SessionRepository } from './session-repository.ts';
import type { UserService } from './user-service.ts';

// Sign-in attempts per email address and window, successful or not: enough for typos, far too few to guess.
const SIGN_IN_ATTEMPTS = 10;
const SIGN_IN_WINDOW_SECONDS = 300;

export interface SignedIn {
  /** The session cookie's value; only its hash is stored. */
  token: string;
  session: SessionDocument;
  user: UserDocument;
}

/**
 * Browser sign-in (docs/architecture.md, "Access"): a random token in an HttpOnly cookie names a stored session; the
 * session's CSRF secret makes the tokens cookie-authenticated writes must send back (@fastify/csrf).
 */
export function createSessionService(deps: {
  sessions: SessionRepository;
  users: UserService;
  attempts: RateLimitRepository;
  clock: Clock;
  ttlSeconds: number;
}) {
  const csrf = Tokens();

  return {
    ttlSeconds: deps.ttlSeconds,

    async signIn(email: string, password: string): Promise<SignedIn> {
      const now = deps.clock();
      const windowStart = Math.floor(now.getTime() / (SIGN_IN_WINDOW_SECONDS * 1000)) * SIGN_IN_WINDOW_SECONDS * 1000;
      const attempt = await deps.attempts.take(`sign-in:${email.toLowerCase()}`, new Date(windowStart));
      if (attempt > SIGN_IN_ATTEMPTS) {
        const retryAfter = Math.ceil((windowStart + SIGN_IN_WINDOW_SECONDS * 1000 - now.getTime()) / 1000);
        throw new TooManyRequestsError(
          `Too many sign-in attempts for this email address; try again in ${retryAfter} s.`,
          retryAfter,
        );
      }
      const user = await deps.users.verifyCredentials(email, password);
      if (!user) throw new UnauthorizedError('Wrong email address or password.');
      await deps.sessions.deleteExpired(now);
      const token = newSecretToken('cws_');
      const session: SessionDocument = {
        _id: hashToken(token),
        userId: user._id,
        csrfSecret: await csrf.secret(),
        createdAt: now,
        expiresAt: new Date(now.getTime() + deps.ttlSeconds * 1000),
      };
      await deps.sessions.insert(session);
      return { token, session, user };
    },

    /** The live session a cookie names, with its user; null when unknown, expired, or ended by its user's change. */
    async resolve(token: string): Promise<{ session: SessionDocument; user: UserDocument } | null> {
      const session = await deps.sessions.findById(hashToken(token));
      if (!session || session.expiresAt <= deps.clock()) return null;
      const user = await deps.users.find(session.userId).catch(() => null);
      if (!user || user.disabled || session.createdAt < user.sessionsValidFrom) return null;
      return { session, user };
    },

    signOut: (token: string) => deps.sessions.delete(hashToken(token)),

    csrfToken: (session: SessionDocument) => csrf.create(session.csrfSecret),
    verifyCsrf: (session: SessionDocument, token: string) => csrf.verify(session.csrfSecret, token),
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
