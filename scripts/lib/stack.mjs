import path from 'node:path';
import { UserFacingError } from './log.mjs';
import { ensureMongoServer } from './mongo-server-build.mjs';
import { freePort, isListening } from './ports.mjs';
import { startApi, startMongoServer, startTemporal, startWorker } from './services.mjs';
import { supervise } from './supervisor.mjs';
import { ensureTemporalCli } from './temporal-tools.mjs';

async function assertFree(port, variable, what) {
  if (await isListening(port)) {
    throw new UserFacingError(
      `Port ${port} (${what}) is already in use. Stop whatever listens there, or choose another port with ${variable}=<port>.`,
    );
  }
}

/**
 * The whole local stack: Temporal dev server (+ UI) and the MongoDB-protocol store unless TEMPORAL_ADDRESS /
 * MONGODB_URI point elsewhere, then the api (serving the built editor) and the worker. Each runs under a supervisor
 * (supervisor.mjs) that restarts it when it crashes and calls `onGiveUp` when it keeps crashing. Returns the URLs
 * and a `stop()` that stops every service in reverse order.
 * `secretsKey` (hex) and `httpAllow` (CASEWORK_HTTP_ALLOW) are handed to the api and the worker when given.
 * @param {{ secretsKey?: string, httpAllow?: string } & Record<string, any>} options
 */
export async function startStack({
  log,
  dataDir,
  ports,
  apiKey,
  secretsKey = undefined,
  httpAllow = undefined,
  admin,
  editorDir,
  env = process.env,
  echo = true,
  headless = false,
  onGiveUp,
  supervision = {},
}) {
  const started = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
  };
  const supervised = async (name, start) => {
    const service = await supervise({ name, start, log, onGiveUp, ...supervision });
    started.push(service);
    return service.current;
  };
  try {
    let temporalAddress = env.TEMPORAL_ADDRESS;
    let temporalUiUrl = env.TEMPORAL_UI_URL ?? null;
    if (temporalAddress) {
      log.info(`using Temporal at ${temporalAddress} (TEMPORAL_ADDRESS)`);
    } else {
      await assertFree(ports.temporal, 'TEMPORAL_PORT', 'Temporal gRPC');
      if (!headless) await assertFree(ports.temporalUi, 'TEMPORAL_UI_PORT', 'Temporal UI');
      const temporalCli = await ensureTemporalCli(log);
      log.info(`starting the Temporal dev server on port ${ports.temporal}`);
      const temporal = await supervised('the Temporal dev server', () =>
        startTemporal({
          temporalCli,
          port: ports.temporal,
          uiPort: ports.temporalUi,
          dbFile: path.join(dataDir, 'temporal', 'temporal.db'),
          headless,
          echo,
        }),
      );
      temporalAddress = temporal.address;
      temporalUiUrl ??= temporal.uiUrl;
    }

    let mongodbUri = env.MONGODB_URI;
    if (mongodbUri) {
      log.info('using MongoDB at MONGODB_URI');
    } else {
      const mongoPort = ports.mongo || (await freePort());
      await assertFree(mongoPort, 'MONGO_PORT', 'MongoDB-protocol store');
      const mongoServer = await ensureMongoServer(log);
      log.info(`starting the MongoDB-protocol store (mongo-java-server) on port ${mongoPort}`);
      const store = await supervised('the store', () =>
        startMongoServer({ mongoServer, port: mongoPort, dataDir: path.join(dataDir, 'mongo'), echo, env }),
      );
      mongodbUri = store.uri;
    }

    // Port 0: a free port chosen now, after Temporal's dev server has opened its own random ports.
    const apiPort = ports.api || (await freePort());
    await assertFree(apiPort, 'PORT', 'the api');
    const runtimeEnv = {
      MONGODB_URI: mongodbUri,
      TEMPORAL_ADDRESS: temporalAddress,
      CASEWORK_API_KEY: apiKey,
      ...(secretsKey ? { CASEWORK_SECRETS_KEY: secretsKey } : {}),
      ...(httpAllow ? { CASEWORK_HTTP_ALLOW: httpAllow } : {}),
      ...(admin ? { CASEWORK_ADMIN_EMAIL: admin.email, CASEWORK_ADMIN_PASSWORD: admin.password } : {}),
      ...(temporalUiUrl ? { TEMPORAL_UI_URL: temporalUiUrl } : {}),
      ...(editorDir ? { CASEWORK_EDITOR_DIR: editorDir } : {}),
    };
    log.info('starting the worker and the api');
    const [worker, api] = await Promise.all([
      supervised('the worker', () => startWorker({ env: runtimeEnv, echo })),
      supervised('the api', () => startApi({ env: runtimeEnv, port: apiPort, echo })),
    ]);
    return {
      stop,
      services: [...started],
      mongodbUri,
      temporalAddress,
      temporalUiUrl,
      apiUrl: `http://localhost:${apiPort}`,
      worker,
      api,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
