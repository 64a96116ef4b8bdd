import { z } from 'zod';
import { isoDateTime, pageLinksSchema, pageQueryOf, resourceSchema } from './jsonapi.ts';
import { singleLine } from './text.ts';

/**
 * Who may do what (docs/architecture.md, "Access"): `admin` everything, `designer` workflows, templates and queues,
 * `reviewer` works cases, `viewer` reads, `trigger` only starts workflow runs and follows them (for integrations).
 */
export const roles = ['admin', 'designer', 'reviewer', 'viewer', 'trigger'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

export const PASSWORD_MIN_LENGTH = 12;
const email = z
  .email()
  .max(254)
  // The part before the @ is at most 64 characters (RFC 5321), as JSON Schema's `email` format has it too.
  .regex(/^[^@]{1,64}@/, 'must have at most 64 characters before the @')
  .transform((value) => value.toLowerCase())
  .meta({ example: 'ada@example.com' });
// Long enough to be worth hashing, short enough that hashing it costs nothing special; any characters.
const password = z.string().min(PASSWORD_MIN_LENGTH).max(256).meta({ example: 'correct horse battery staple' });

export const userAttributesSchema = z.object({
  'email-address': z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  disabled: z.boolean(),
  'created-at': isoDateTime,
  'updated-at': isoDateTime,
});
export const userResourceSchema = resourceSchema('user', userAttributesSchema).meta({
  id: 'User',
  example: {
    type: 'user',
    id: 'usr_P7JECHSPLXBBpetXOGppKe9w',
    attributes: {
      'email-address': 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'reviewer',
      disabled: false,
      'created-at': '2026-12-05T10:00:00.000Z',
      'updated-at': '2026-12-05T10:00:00.000Z',
    },
  },
});
export const userDocumentSchema = z.object({ data: userResourceSchema });
export const userListSchema = z.object({ data: z.array(userResourceSchema), links: pageLinksSchema });
export const userListQuerySchema = z.strictObject({ ...pageQueryOf('user') });

export const createUserRequestSchema = z
  .strictObject({
    data: z.strictObject({
      attributes: z.strictObject({
        'email-address': email,
        name: singleLine(200).nullable().default(null),
        password,
        role: roleSchema,
      }),
    }),
  })
  .meta({
    id: 'CreateUserRequest',
    example: {
      data: {
        attributes: {
          'email-address': 'ada@example.com',
          name: 'Ada Lovelace',
          password: 'correct horse battery staple',
          role: 'reviewer',
        },
      },
    },
  });

export const updateUserRequestSchema = z
  .strictObject({
    data: z.strictObject({
      attributes: z
        .strictObject({
          name: singleLine(200).nullable().optional(),
          password: password.optional(),
          role: roleSchema.optional(),
          disabled: z.boolean().optional(),
        })
        .refine((attributes) => Object.keys(attributes).length > 0, 'name at least one attribute to change')
        // The refinement checks it; this says it in the OpenAPI document.
        .meta({ minProperties: 1 }),
    }),
  })
  .meta({ id: 'UpdateUserRequest', example: { data: { attributes: { role: 'designer' } } } });

export const apiKeyAttributesSchema = z.object({
  name: z.string(),
  role: roleSchema,
  /** The key's first characters, enough to recognise it; the key itself is shown once, when created. */
  prefix: z.string(),
  /** Only in the answer to its creation. */
  key: z.string().optional(),
  /** Set through CASEWORK_API_KEY: managed by the environment, never revoked through the API. */
  configured: z.boolean(),
  'creator-id': z.string().nullable(),
  'created-at': isoDateTime,
  'revoked-at': isoDateTime.nullable(),
});
export const apiKeyResourceSchema = resourceSchema('api-key', apiKeyAttributesSchema).meta({
  id: 'ApiKey',
  example: {
    type: 'api-key',
    id: 'key_P7JECHSPLXBBpetXOGppKe9w',
    attributes: {
      name: 'Webhook from the signup service',
      role: 'trigger',
      prefix: 'cwk_Q2hbT1',
      configured: false,
      'creator-id': 'usr_P7JECHSPLXBBpetXOGppKe9w',
      'created-at': '2026-12-05T10:00:00.000Z',
      'revoked-at': null,
    },
  },
});
export const apiKeyDocumentSchema = z.object({ data: apiKeyResourceSchema });
export const apiKeyListSchema = z.object({ data: z.array(apiKeyResourceSchema), links: pageLinksSchema });
export const apiKeyListQuerySchema = z.strictObject({
  ...pageQueryOf('apiKey'),
  'filter[revoked]': z.enum(['true', 'false']).optional(),
});

export const createApiKeyRequestSchema = z
  .strictObject({
    data: z.strictObject({
      attributes: z.strictObject({ name: singleLine(200), role: roleSchema }),
    }),
  })
  .meta({
    id: 'CreateApiKeyRequest',
    example: { data: { attributes: { name: 'Webhook from the signup service', role: 'trigger' } } },
  });

/** Who is signed in: a user (with a session cookie) or an API key. */
export const sessionAttributesSchema = z.object({
  'actor-type': z.enum(['user', 'api-key']),
  'actor-id': z.string(),
  'email-address': z.string().nullable(),
  name: z.string().nullable(),
  role: roleSchema,
  /** Send it back as `X-CSRF-Token` on every write made with the session cookie; null for API keys. */
  'csrf-token': z.string().nullable(),
  'expires-at': isoDateTime.nullable(),
});
export const sessionResourceSchema = resourceSchema('session', sessionAttributesSchema).meta({
  id: 'Session',
  example: {
    type: 'session',
    id: 'current',
    attributes: {
      'actor-type': 'user',
      'actor-id': 'usr_P7JECHSPLXBBpetXOGppKe9w',
      'email-address': 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'reviewer',
      'csrf-token': 'Vw5u3Vd1-Jx6tnzSyy4DT4cvN0dbnu0gmqjk',
      'expires-at': '2026-12-05T22:00:00.000Z',
    },
  },
});
export const sessionDocumentSchema = z.object({ data: sessionResourceSchema });

export const createSessionRequestSchema = z
  .strictObject({
    data: z.strictObject({
      attributes: z.strictObject({
        'email-address': email,
        password: z.string().min(1).max(256),
      }),
    }),
  })
  .meta({
    id: 'CreateSessionRequest',
    example: { data: { attributes: { 'email-address': 'ada@example.com', password: 'correct horse battery staple' } } },
  });

export type UserResource = z.infer<typeof userResourceSchema>;
export type ApiKeyResource = z.infer<typeof apiKeyResourceSchema>;
export type SessionResource = z.infer<typeof sessionResourceSchema>;
