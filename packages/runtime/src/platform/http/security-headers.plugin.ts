import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response (the editor, `/docs`, the API), by @fastify/helmet: `nosniff`, no framing,
 * no referrer across origins, and a Content Security Policy both the editor and Swagger UI run under. Scripts come
 * only from this origin; styles may be inline (React Flow and Swagger UI set element styles), images may be data
 * URLs (icons).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    // The API is called from other origins by scripts; only framing and sniffing need forbidding.
    crossOriginResourcePolicy: { policy: 'same-site' },
    // HSTS belongs to the TLS terminator in front of a deployment, not to a server that speaks plain HTTP locally.
    strictTransportSecurity: false,
  });
}
