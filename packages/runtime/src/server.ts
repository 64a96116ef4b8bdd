import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { loadEnv } from './config/env.ts';

// Process entry point: only builds the app and listens. SIGINT/SIGTERM close it gracefully
// (in-flight requests finish, connections close); a second signal or 10 s forces the exit.
const env = loadEnv();
const app = await buildApp({ env });

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
});

await app.listen({ host: env.HOST, port: env.PORT });
