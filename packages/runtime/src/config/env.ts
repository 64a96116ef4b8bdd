import { z } from 'zod';
import { parseHttpAllowlist } from '../http/http-allowlist.ts';
import { parseSecretsKey } from '../secrets/secret-cipher.ts';

/**
 * The runtime's configuration: the only place that reads `process.env`.
 * Every variable is listed here with its default so README, compose file and tests can check against it.
 */
export const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI'),
  MONGODB_DB: z.string().min(1).default('casework'),
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('casework'),
  TEMPORAL_UI_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:8233'),
  /** A key accepted on `/api/v1/*`; registered (hashed) at start-up. `npm start` generates one into the data dir. */
  CASEWORK_API_KEY: z.string().min(20, 'must be at least 20 characters').optional(),
  /** The first admin's sign-in, created at start-up while no user exists (`npm start` generates one). */
  CASEWORK_ADMIN_EMAIL: z.email().optional(),
  CASEWORK_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** How long a browser session lasts after sign-in, in seconds. */
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(12 * 3600),
  /** Mark the session cookie `Secure` (set it when the api is served over HTTPS). */
  SESSION_COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Directory of the built editor, served at `/`. Unset: the api serves no editor. */
  CASEWORK_EDITOR_DIR: z.string().min(1).optional(),
  /** Requests each API key may make on `/api/v1/*` per window (counted across replicas, in MongoDB). */
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(1000),
  /** Length of the fixed rate-limit window, in seconds. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /**
   * The key secrets are encrypted with (AES-256-GCM): 32 bytes as 64 hex digits or base64. `npm start` generates one
   * into the data dir. Unset: secrets cannot be created or used.
   */
  CASEWORK_SECRETS_KEY: z
    .string()
    .transform((value, context) => {
      const key = parseSecretsKey(value);
      if (key) return key;
      context.addIssue({ code: 'custom', message: 'must be 32 bytes as 64 hex digits or base64' });
      return z.NEVER;
    })
    .optional(),
  /**
   * What `http.request` may reach although it is loopback, private or link-local: comma-separated IP addresses,
   * CIDR ranges and host names, each optionally with `:port` (http/http-allowlist.ts).
   */
  CASEWORK_HTTP_ALLOW: z
    .string()
    .default('')
    .transform((value, context) => {
      const parsed = parseHttpAllowlist(value);
      if (parsed.ok) return parsed.allowlist;
      context.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof envSchema>;

export const envKeys = Object.keys(envSchema.shape) as (keyof Env)[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (by default `process.env`), failing with every problem named. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
