import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { NotFoundFallback } from './error-handler.ts';

/** Vite names built assets (under assets/) by their content hash: such a file never changes. */
const isHashedAsset = (root: string, filePath: string) => path.relative(root, filePath).split(path.sep)[0] === 'assets';

/**
 * Serves the built editor at `/`. Files are looked up per request (`wildcard`), so a rebuilt editor is served
 * without restarting the api; index.html is revalidated on every load, hashed assets are cached for good.
 * Returns the not-found fallback for client-side routes (a browser asking for an HTML page gets index.html),
 * or null when there is no built editor.
 */
export async function registerEditor(app: FastifyInstance, editorDir: string): Promise<NotFoundFallback | null> {
  const root = path.resolve(editorDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ editorDir: root }, 'no built editor found; build it with `pnpm --filter @casework/editor build`');
    return null;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(reply, filePath) {
      reply.header('cache-control', isHashedAsset(root, filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request, reply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    return wantsPage && !request.url.startsWith('/api/') ? reply.sendFile('index.html') : null;
  };
}
