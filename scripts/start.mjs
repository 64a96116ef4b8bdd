#!/usr/bin/env node
// `npm start`: brings up the whole local stack in the foreground and prints its URLs. Ctrl-C stops it all.
import { ensureEditorBuild } from './lib/editor-build.mjs';
import { localApiKey, localSecretsKey } from './lib/api-key.mjs';
import { adminSignsIn, firstAdmin } from './lib/first-admin.mjs';
import { bold, cyan, green } from './lib/log.mjs';
import { main } from './lib/main.mjs';
import { defaultDataDir } from './lib/paths.mjs';
import { installWorkspace } from './lib/pnpm.mjs';
import { checkNode } from './lib/prerequisites.mjs';
import { startStack } from './lib/stack.mjs';

const port = (name, fallback) => Number(process.env[name] ?? fallback);

await main('casework', async (log) => {
  checkNode();
  await installWorkspace(log);
  const dataDir = defaultDataDir();
  const apiKey = localApiKey(dataDir);
  const secretsKey = localSecretsKey(dataDir);
  const admin = firstAdmin();
  const editorDir = await ensureEditorBuild(log);
  // A service that keeps crashing (its supervisor gave up) stops the whole stack.
  let giveUp = (reason) => log.error(reason);
  const stack = await startStack({
    onGiveUp: (reason) => giveUp(reason),
    log,
    dataDir,
    apiKey: apiKey.key,
    secretsKey: secretsKey.key,
    // The local stack lets http.request reach the examples' test service (examples/scheduled-screening).
    httpAllow: process.env.CASEWORK_HTTP_ALLOW ?? '127.0.0.1:4010',
    admin,
    editorDir,
    ports: {
      api: port('PORT', 3000),
      temporal: port('TEMPORAL_PORT', 7233),
      temporalUi: port('TEMPORAL_UI_PORT', 8233),
      mongo: port('MONGO_PORT', 27017),
    },
  });

  // The admin's password is shown on the start that created the admin (or when it was given), never again.
  const adminLine =
    admin.given || (await adminSignsIn(stack.apiUrl, admin))
      ? `${bold(admin.email)} / ${bold(admin.password)}${admin.given ? '' : '  (shown once: note it down)'}`
      : `${admin.email}  (password shown when it was created; the API key can reset it, see README)`;
  console.log(
    [
      '',
      bold(green('  Casework is running.')),
      `  Editor        ${cyan(`${stack.apiUrl}/`)}`,
      `  API docs      ${cyan(`${stack.apiUrl}/docs`)}`,
      `  Temporal UI   ${cyan(stack.temporalUiUrl ?? '(set TEMPORAL_UI_URL)')}`,
      `  Sign in       ${adminLine}`,
      `  API key       ${bold(apiKey.key)}  (from ${apiKey.source})`,
      `  Data          ${dataDir}`,
      '',
      `  Try: curl -s ${stack.apiUrl}/readyz`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );

  // Foreground until Ctrl-C. A crashed service is restarted by its supervisor; one that keeps crashing ends it all.
  return new Promise((resolve) => {
    let stopping = false;
    const shutdown = async (reason, code) => {
      if (stopping) return;
      stopping = true;
      log.info(`${reason}; stopping every service`);
      await stack.stop();
      resolve(code);
    };
    process.on('SIGINT', () => void shutdown('interrupted', 0));
    process.on('SIGTERM', () => void shutdown('terminated', 0));
    giveUp = (reason) => void shutdown(reason, 1);
  });
});
