/**
 * Static checks of the deployment files. No Docker engine runs on the build machines, so this is where a
 * broken compose file or Dockerfile is caught: each check is something a deployer would otherwise find out
 * at `docker compose up` time (or later).
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { envKeys, envSchema } from '../../src/config/env.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const composePath = resolve(repoRoot, 'docker-compose.yml');
const dockerfilePath = resolve(repoRoot, 'Dockerfile');

/** What a deployer would export before `docker compose up`, for variables the file marks as required. */
const SAMPLE_VALUES: Record<string, string> = {
  CASEWORK_API_KEY: 'sample-api-key-0123456789abcdef',
  CASEWORK_SECRETS_KEY: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  CASEWORK_ADMIN_PASSWORD: 'sample-admin-password',
};

const SEARCH_ATTRIBUTES = {
  CaseworkWorkflowId: 'Keyword',
  CaseworkVersionId: 'Keyword',
  CaseworkCaseIds: 'KeywordList',
};

const RUNTIME_SERVICES = ['api', 'worker'] as const;

// ---- docker-compose.yml -------------------------------------------------------------------------

const argvSchema = z.union([z.string(), z.array(z.union([z.string(), z.number()]).transform(String))]);

const serviceSchema = z.object({
  image: z.string().optional(),
  build: z
    .union([z.string(), z.object({ context: z.string().optional(), dockerfile: z.string().optional() })])
    .optional(),
  command: argvSchema.optional(),
  entrypoint: argvSchema.optional(),
  working_dir: z.string().optional(),
  container_name: z.string().optional(),
  environment: z
    .union([z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), z.array(z.string())])
    .optional(),
  ports: z
    .array(
      z.union([
        z.string(),
        z.number(),
        z.object({ target: z.coerce.number(), published: z.coerce.number().optional() }),
      ]),
    )
    .optional(),
  volumes: z.array(z.union([z.string(), z.object({ source: z.string().optional(), target: z.string() })])).optional(),
  depends_on: z
    .union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string().optional() }))])
    .optional(),
  healthcheck: z.object({ test: argvSchema.optional(), disable: z.boolean().optional() }).optional(),
  restart: z.string().optional(),
  deploy: z.object({ restart_policy: z.object({ condition: z.string().optional() }).optional() }).optional(),
});

const composeSchema = z.object({
  services: z.record(z.string(), serviceSchema),
  volumes: z.record(z.string(), z.unknown()).optional(),
});

type Service = z.infer<typeof serviceSchema>;
type Compose = z.infer<typeof composeSchema>;

let composeCache: Compose | undefined;

function compose(): Compose {
  if (!composeCache) {
    // Merge keys (`<<: *anchor`) are YAML 1.1 but Compose supports them, so the parser must too.
    const result = composeSchema.safeParse(parse(readFileSync(composePath, 'utf8'), { merge: true }));
    if (!result.success)
      throw new Error(`docker-compose.yml has an unexpected shape:\n${z.prettifyError(result.error)}`);
    composeCache = result.data;
  }
  return composeCache;
}

function service(name: string): Service {
  const found = compose().services[name];
  if (!found) throw new Error(`docker-compose.yml has no "${name}" service`);
  return found;
}

/** Compose splits a string command shell-style; plain whitespace splitting is enough for these files. */
function argv(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? value.trim().split(/\s+/) : value;
}

/** Values of `--flag value` and `--flag=value` occurrences. */
function flagValues(args: string[], flag: string): string[] {
  const values: string[] = [];
  args.forEach((arg, index) => {
    if (arg === flag) {
      const next = args[index + 1];
      if (next !== undefined) values.push(next);
    } else if (arg.startsWith(`${flag}=`)) {
      values.push(arg.slice(flag.length + 1));
    }
  });
  return values;
}

function healthcheckText(svc: Service): string {
  if (!svc.healthcheck || svc.healthcheck.disable) return '';
  return argv(svc.healthcheck.test).join(' ');
}

/** The environment as written (before interpolation); `undefined` = passed through from the host. */
function rawEnvironment(svc: Service): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  if (Array.isArray(svc.environment)) {
    for (const entry of svc.environment) {
      const eq = entry.indexOf('=');
      if (eq === -1) env[entry] = undefined;
      else env[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
  } else if (svc.environment) {
    for (const [key, value] of Object.entries(svc.environment)) env[key] = value === null ? undefined : String(value);
  }
  return env;
}

/**
 * Compose interpolation as a deployer running with only the required variables set would get it:
 * `${X:-default}` takes the default, `${X:?message}` takes a sample value, `$$` is a literal `$`.
 * A bare `${X}` fails the check: Compose would silently substitute an empty string when it is unset.
 */
function interpolate(value: string, where: string): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_]\w*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_]\w*)/g,
    (match, braced: string | undefined, operator: string | undefined, operand: string | undefined, bare?: string) => {
      if (match === '$$') return '$';
      const name = braced ?? bare ?? '';
      if (operator?.endsWith('-')) return operand ?? '';
      if (operator?.endsWith('?')) {
        const sample = SAMPLE_VALUES[name];
        if (sample === undefined)
          throw new Error(`${where}: no sample value for required \${${name}}; add one to SAMPLE_VALUES`);
        return sample;
      }
      throw new Error(
        `${where}: \${${name}} has no default (\${${name}:-…}) and is not marked required (\${${name}:?…})`,
      );
    },
  );
}

function interpolatedEnvironment(name: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawEnvironment(service(name)))) {
    if (value !== undefined) env[key] = interpolate(value, `${name}.environment.${key}`);
  }
  return env;
}

/** The environment the container actually sees: the image's ENV overlaid with the service's. */
function containerEnvironment(name: string): Record<string, string> {
  return { ...dockerfile().finalStage.env, ...interpolatedEnvironment(name) };
}

function parsedEnv(name: string): z.infer<typeof envSchema> {
  const result = envSchema.safeParse(containerEnvironment(name));
  if (!result.success) {
    throw new Error(
      `the ${name} service's environment does not parse with envSchema:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}

interface PortMapping {
  published: number | undefined;
  target: number;
}

function ports(svc: Service): PortMapping[] {
  return (svc.ports ?? []).map((port) => {
    if (typeof port === 'number') return { published: undefined, target: port };
    if (typeof port === 'object') return { published: port.published, target: port.target };
    // [host_ip:][published:]target[/protocol]
    const parts = port.replace(/\/\w+$/, '').split(':');
    const target = Number(parts.at(-1));
    const published = parts.length >= 2 ? Number(parts.at(-2)) : undefined;
    return { published, target };
  });
}

interface Mount {
  source: string | undefined;
  target: string;
}

function mounts(svc: Service): Mount[] {
  return (svc.volumes ?? []).map((volume) => {
    if (typeof volume === 'object') return { source: volume.source, target: volume.target };
    const parts = volume.split(':');
    return parts.length === 1
      ? { source: undefined, target: parts[0] ?? '' }
      : { source: parts[0], target: parts[1] ?? '' };
  });
}

/** Named volumes (not bind mounts) that are declared under the top-level `volumes:`. */
function namedVolumeAt(svc: Service, path: string): Mount | undefined {
  return mounts(svc).find(
    (mount) =>
      mount.source !== undefined &&
      !/^[./~]/.test(mount.source) &&
      Object.hasOwn(compose().volumes ?? {}, mount.source) &&
      (path === mount.target || path.startsWith(`${mount.target.replace(/\/$/, '')}/`)),
  );
}

function temporalGrpcPort(): number {
  return Number(flagValues(argv(service('temporal').command), '--port').at(-1) ?? 7233);
}

function mongoReplicaSet(): string | undefined {
  return flagValues(argv(service('mongo').command), '--replSet').at(-1);
}

// ---- Dockerfile ---------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
  /** WORKDIR in effect when the instruction runs. */
  workdir: string;
}

interface Stage {
  name: string | undefined;
  from: string;
  instructions: Instruction[];
  workdir: string;
  env: Record<string, string>;
}

let dockerfileCache: { stages: Stage[]; finalStage: Stage } | undefined;

function dockerfile(): { stages: Stage[]; finalStage: Stage } {
  if (dockerfileCache) return dockerfileCache;
  // Comment lines may sit inside continuations, so drop them before joining `\`-continued lines.
  const logical = readFileSync(dockerfilePath, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const tokens = args.split(/\s+/).filter((token) => !token.startsWith('--'));
      const from = tokens[0] ?? '';
      const asIndex = tokens.findIndex((token) => token.toUpperCase() === 'AS');
      const parent = stages.find((stage) => stage.name === from);
      stages.push({
        name: asIndex === -1 ? undefined : tokens[asIndex + 1],
        from,
        instructions: [],
        workdir: parent?.workdir ?? '/',
        env: { ...parent?.env },
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile: ${upper} before the first FROM`);
    stage.instructions.push({ keyword: upper, args, workdir: stage.workdir });
    if (upper === 'WORKDIR') stage.workdir = posix.resolve(stage.workdir, args);
    if (upper === 'ENV') {
      const pairs = [...args.matchAll(/([A-Za-z_]\w*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S+)/g)];
      for (const [, key = '', value = ''] of pairs) stage.env[key] = value.replace(/^(["'])(.*)\1$/, '$2');
    }
  }
  const finalStage = stages.at(-1);
  if (!finalStage) throw new Error('Dockerfile has no FROM');
  dockerfileCache = { stages, finalStage };
  return dockerfileCache;
}

function instructions(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword);
}

/** Exec-form (JSON array) CMD of the final stage, or undefined if shell form / missing. */
function imageCmd(): string[] | undefined {
  const cmd = instructions(dockerfile().finalStage, 'CMD').at(-1);
  if (!cmd || !cmd.args.startsWith('[')) return undefined;
  return z.array(z.string()).parse(JSON.parse(cmd.args));
}

function dependencies(packageJsonPath: string): Record<string, string> {
  const pkg = z
    .object({ dependencies: z.record(z.string(), z.string()).optional() })
    .parse(JSON.parse(readFileSync(resolve(repoRoot, packageJsonPath), 'utf8')));
  return pkg.dependencies ?? {};
}

/** Where the final stage puts packages/runtime (from its `COPY packages/runtime …` or `COPY . …`). */
function runtimeDirInImage(): string | undefined {
  for (const copy of instructions(dockerfile().finalStage, 'COPY')) {
    if (copy.args.includes('--from=')) continue;
    const paths = copy.args.split(/\s+/).filter((token) => !token.startsWith('--'));
    const dest = posix.resolve(copy.workdir, paths.at(-1) ?? '');
    const sources = paths.slice(0, -1).map((src) => src.replace(/^\.\/|\/$/g, ''));
    if (sources.includes('packages/runtime')) return dest;
    if (sources.includes('.')) return posix.join(dest, 'packages/runtime');
  }
  return undefined;
}

/**
 * Checks that `node --import tsx <script>` started in `workdir` runs packages/runtime/src/<entry> as copied
 * into the image, and that `tsx` (a dependency of packages/runtime, not of the root) resolves from `workdir`.
 */
function expectRuntimeEntry(args: string[], workdir: string, entry: string, what: string): void {
  expect(args[0], `${what}: should run node`).toBe('node');
  expect(flagValues(args, '--import'), `${what}: should load TypeScript through \`--import tsx\``).toContain('tsx');
  const script = args.find((arg) => arg.endsWith('.ts'));
  expect(script, `${what}: no .ts entry point in ${JSON.stringify(args)}`).toBeDefined();

  const runtimeDir = runtimeDirInImage();
  expect(runtimeDir, 'the final stage should COPY packages/runtime into the image').toBeDefined();
  const expected = posix.join(runtimeDir ?? '', 'src', entry);
  const actual = posix.resolve(workdir, script ?? '');
  expect(actual, `${what}: ${script} (run from ${workdir}) is not the image's ${expected}`).toBe(expected);
  if (!dependencies('package.json').tsx) {
    expect(
      workdir === runtimeDir || workdir.startsWith(`${runtimeDir}/`),
      `${what}: \`--import tsx\` resolves from the working directory (${workdir}), but tsx is installed for ${runtimeDir} only`,
    ).toBe(true);
  }
}

// ---- checks -------------------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  it('defines the mongo, temporal, api and worker services', () => {
    expect(Object.keys(compose().services)).toEqual(expect.arrayContaining(['mongo', 'temporal', 'api', 'worker']));
  });

  it('runs MongoDB 7+ as a replica set that its healthcheck initiates, on a named volume', () => {
    const mongo = service('mongo');
    const major = Number(/^mongo:(\d+)/.exec(mongo.image ?? '')?.[1]);
    expect(major >= 7, `mongo image should be mongo:<7 or later>, got ${mongo.image}`).toBe(true);

    const args = argv(mongo.command);
    const replicaSet = mongoReplicaSet();
    expect(
      replicaSet,
      `mongo command should start a replica set (--replSet <name>): ${JSON.stringify(args)}`,
    ).toBeTruthy();
    expect(args, 'mongo should listen on all interfaces (--bind_ip_all) so other containers reach it').toContain(
      '--bind_ip_all',
    );

    const check = healthcheckText(mongo);
    expect(check, 'mongo needs a healthcheck: api and worker wait for it').not.toBe('');
    expect(check, 'the mongo healthcheck should initiate the replica set (rs.initiate) on first start').toContain(
      'rs.initiate(',
    );
    expect(check, `the healthcheck should initiate the replica set named by --replSet (${replicaSet})`).toContain(
      `'${replicaSet}'`,
    );
    expect(check, 'the mongo healthcheck should only pass once the node is primary').toMatch(
      /isWritablePrimary|ismaster/i,
    );
    // The member's advertised host is what drivers connect to after discovery; it must be the service name.
    expect(check, 'the replica set member should be advertised as mongo:27017 (the address api/worker use)').toContain(
      'mongo:27017',
    );

    expect(
      namedVolumeAt(mongo, '/data/db'),
      'mongo data (/data/db) should live on a declared named volume',
    ).toBeDefined();
  });

  it('runs the Temporal CLI dev server on all interfaces, persisting to a named volume', () => {
    const temporal = service('temporal');
    expect(temporal.image, 'temporal should use the Temporal CLI image').toMatch(/^temporalio\/temporal(:|@|$)/);

    const args = argv(temporal.command);
    expect(args.slice(0, 2), 'temporal command should be `server start-dev …`').toEqual(['server', 'start-dev']);
    expect(
      flagValues(args, '--ip'),
      'the gRPC frontend should bind 0.0.0.0 (--ip), else only localhost inside the container',
    ).toEqual(['0.0.0.0']);
    // --ui-ip defaults to --ip; if given it must not narrow the UI back to the container's loopback.
    for (const uiIp of flagValues(args, '--ui-ip'))
      expect(uiIp, 'the Web UI should bind 0.0.0.0 (--ui-ip)').toBe('0.0.0.0');
    expect(args, 'the Web UI should be enabled (no --headless)').not.toContain('--headless');

    const dbFiles = flagValues(args, '--db-filename');
    expect(dbFiles, 'temporal should persist with --db-filename (in-memory otherwise)').toHaveLength(1);
    const dbFile = dbFiles[0] ?? '';
    expect(
      namedVolumeAt(temporal, dbFile),
      `--db-filename ${dbFile} should be inside a declared named volume, or history is lost with the container`,
    ).toBeDefined();

    expect(healthcheckText(temporal), 'temporal needs a healthcheck: api and worker wait for it').not.toBe('');
  });

  it('registers the Casework search attributes with their types', () => {
    const registered = Object.fromEntries(
      flagValues(argv(service('temporal').command), '--search-attribute').map((pair) => pair.split('=', 2)),
    );
    for (const [key, type] of Object.entries(SEARCH_ATTRIBUTES)) {
      expect(registered[key], `temporal should register --search-attribute ${key}=${type}`).toBe(type);
    }
  });

  it('publishes the api on 3000 and Temporal gRPC + Web UI on 7233 / 8233', () => {
    const apiPort = parsedEnv('api').PORT;
    expect(ports(service('api')), `api should publish 3000 → its PORT (${apiPort})`).toContainEqual({
      published: 3000,
      target: apiPort,
    });

    const grpcPort = temporalGrpcPort();
    const uiPort = Number(flagValues(argv(service('temporal').command), '--ui-port').at(-1) ?? grpcPort + 1000);
    const temporalPorts = ports(service('temporal'));
    expect(temporalPorts, `temporal should publish 7233 → gRPC (${grpcPort})`).toContainEqual({
      published: 7233,
      target: grpcPort,
    });
    expect(temporalPorts, `temporal should publish 8233 → Web UI (${uiPort})`).toContainEqual({
      published: 8233,
      target: uiPort,
    });
  });

  it('builds api and worker from the repository Dockerfile, as one image', () => {
    const api = service('api');
    const build = typeof api.build === 'string' ? { context: api.build } : api.build;
    expect(build, 'api should be built (build:) from the repository').toBeDefined();
    const context = resolve(repoRoot, build?.context ?? '.');
    expect(context, 'api build context should be the repository root (the Dockerfile needs the workspace)').toBe(
      resolve(repoRoot),
    );
    const dockerfileUsed = resolve(context, build?.dockerfile ?? 'Dockerfile');
    expect(dockerfileUsed, 'api should build from the repository Dockerfile').toBe(dockerfilePath);
    expect(existsSync(dockerfileUsed), `${dockerfileUsed} does not exist`).toBe(true);

    const worker = service('worker');
    const sameBuild = JSON.stringify(worker.build) === JSON.stringify(api.build);
    const sameImage = worker.image !== undefined && worker.image === api.image;
    expect(sameBuild || sameImage, 'worker should use the api image (same build: or same image:)').toBe(true);
    if (api.image !== undefined && worker.image !== undefined) {
      expect(worker.image, 'api and worker tag their image differently: two images from one build').toBe(api.image);
    }
  });

  it.each(RUNTIME_SERVICES)('starts %s only once mongo and temporal are healthy, and restarts it', (name) => {
    const svc = service(name);
    const dependsOn = Array.isArray(svc.depends_on) ? {} : (svc.depends_on ?? {});
    for (const dependency of ['mongo', 'temporal']) {
      expect(
        dependsOn[dependency]?.condition,
        `${name}.depends_on.${dependency} should have condition: service_healthy (not just started)`,
      ).toBe('service_healthy');
    }
    const restart = svc.restart ?? svc.deploy?.restart_policy?.condition;
    expect(['always', 'unless-stopped', 'on-failure', 'any'], `${name} needs a restart policy`).toContain(restart);
  });

  it.each(RUNTIME_SERVICES)('gives %s only environment variables envSchema knows', (name) => {
    const unknown = Object.keys(rawEnvironment(service(name))).filter((key) => !(envKeys as string[]).includes(key));
    expect(
      unknown,
      `${name}.environment has keys the runtime never reads (typo?); known: ${envKeys.join(', ')}`,
    ).toEqual([]);
  });

  it.each(RUNTIME_SERVICES)('gives %s an environment that envSchema accepts', (name) => {
    expect(() => parsedEnv(name)).not.toThrow();
    expect(rawEnvironment(service(name)).MONGODB_URI, `${name} needs MONGODB_URI (it has no default)`).toBeDefined();
  });

  it.each(RUNTIME_SERVICES)('points %s at the temporal and mongo services', (name) => {
    const env = parsedEnv(name);
    expect(env.TEMPORAL_ADDRESS, `${name}: TEMPORAL_ADDRESS should be the temporal service's gRPC port`).toBe(
      `temporal:${temporalGrpcPort()}`,
    );

    const uri = new URL(env.MONGODB_URI);
    expect(uri.hostname, `${name}: MONGODB_URI (${env.MONGODB_URI}) should point at the mongo service`).toBe('mongo');
    expect(uri.port || '27017', `${name}: MONGODB_URI should use mongod's port 27017`).toBe('27017');
    expect(
      uri.searchParams.get('replicaSet'),
      `${name}: MONGODB_URI should name the replica set mongo runs (--replSet ${mongoReplicaSet()})`,
    ).toBe(mongoReplicaSet());
  });

  it('links runs to a Temporal UI address a browser can open', () => {
    const url = new URL(parsedEnv('api').TEMPORAL_UI_URL);
    expect(['http:', 'https:'], `TEMPORAL_UI_URL should be an http(s) URL, got ${url.href}`).toContain(url.protocol);
  });

  it('connects api and worker to the same MongoDB, namespace and task queue', () => {
    const api = parsedEnv('api');
    const worker = parsedEnv('worker');
    for (const key of [
      'MONGODB_URI',
      'MONGODB_DB',
      'TEMPORAL_ADDRESS',
      'TEMPORAL_NAMESPACE',
      'TEMPORAL_TASK_QUEUE',
    ] as const) {
      expect(worker[key], `api and worker disagree on ${key}: runs would never be picked up`).toBe(api[key]);
    }
  });

  it('health-checks the api on /readyz', () => {
    const check = healthcheckText(service('api'));
    expect(check, 'api healthcheck should probe /readyz (MongoDB + Temporal reachable)').toContain('/readyz');
    expect(check, `api healthcheck should probe the port the api listens on (${parsedEnv('api').PORT})`).toContain(
      `:${parsedEnv('api').PORT}/`,
    );
  });

  it('runs the worker entry point in a service that can scale out', () => {
    const worker = service('worker');
    const workdir = worker.working_dir ?? dockerfile().finalStage.workdir;
    expectRuntimeEntry([...argv(worker.entrypoint), ...argv(worker.command)], workdir, 'worker.ts', 'worker command');
    expect(
      ports(worker).filter((port) => port.published !== undefined),
      'worker should publish no fixed host ports: `--scale worker=N` would collide',
    ).toEqual([]);
    expect(worker.container_name, 'worker should have no container_name: it prevents scaling').toBeUndefined();
  });
});

describe('Dockerfile', () => {
  it('builds on node:20-bookworm-slim with pnpm and the frozen lockfile', () => {
    const { stages, finalStage } = dockerfile();
    const stageNames = new Set(stages.map((stage) => stage.name));
    for (const stage of stages.filter((stage) => !stageNames.has(stage.from))) {
      expect(stage.from, 'every base image should be node:20-bookworm-slim').toBe('node:20-bookworm-slim');
    }
    expect(finalStage.from, 'the final stage should start from a clean node image').toBe('node:20-bookworm-slim');

    const runs = stages.flatMap((stage) => instructions(stage, 'RUN')).map((run) => run.args);
    const packageManager = z
      .object({ packageManager: z.string() })
      .parse(JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8'))).packageManager;
    expect(runs.join('\n'), `pnpm should be installed at the workspace's version (${packageManager})`).toContain(
      `npm install -g ${packageManager}`,
    );
    expect(runs.join('\n'), 'dependencies should install with pnpm install --frozen-lockfile').toMatch(
      /pnpm install [^\n]*--frozen-lockfile/,
    );
  });

  it('builds the editor and serves it from CASEWORK_EDITOR_DIR', () => {
    const { stages, finalStage } = dockerfile();
    const builder = stages.find((stage) =>
      instructions(stage, 'RUN').some((run) => /pnpm (--filter|-F) @casework\/editor (run )?build/.test(run.args)),
    );
    expect(builder, 'some stage should run `pnpm --filter @casework/editor build`').toBeDefined();

    const editorDir = finalStage.env.CASEWORK_EDITOR_DIR;
    expect(editorDir, 'the final stage should set ENV CASEWORK_EDITOR_DIR').toBeDefined();
    const copies = instructions(finalStage, 'COPY').filter((copy) => copy.args.includes(`--from=${builder?.name}`));
    const copied = copies.some((copy) => {
      const paths = copy.args.split(/\s+/).filter((token) => !token.startsWith('--'));
      const dest = posix.resolve(copy.workdir, paths.at(-1) ?? '');
      return paths.slice(0, -1).some((src) => /(^|\/)packages\/editor\/dist\/?$/.test(src)) && dest === editorDir;
    });
    expect(copied, `the final stage should COPY --from=${builder?.name} packages/editor/dist to ${editorDir}`).toBe(
      true,
    );
  });

  it('sets the production environment and runs as a non-root user', () => {
    const { finalStage } = dockerfile();
    expect(finalStage.env, 'final stage ENV').toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '3000' });
    const user = instructions(finalStage, 'USER').at(-1)?.args;
    expect(user, 'the final stage should switch to a non-root USER').toBeDefined();
    expect(['root', '0', '0:0'], `USER ${user} is root`).not.toContain(user);
    const exposed = instructions(finalStage, 'EXPOSE').flatMap((expose) => expose.args.split(/\s+/));
    expect(exposed, `EXPOSE should include PORT (${finalStage.env.PORT})`).toContain(finalStage.env.PORT);
  });

  it('starts the api by default, with tsx resolvable from the working directory', () => {
    const cmd = imageCmd();
    expect(cmd, 'CMD should be exec form (JSON array) so SIGTERM reaches node').toBeDefined();
    expectRuntimeEntry(cmd ?? [], dockerfile().finalStage.workdir, 'server.ts', 'Dockerfile CMD');
    expect(
      dependencies('packages/runtime/package.json').tsx,
      'tsx must be a (production) dependency of the runtime',
    ).toBeDefined();
  });

  it('keeps local artefacts out of the build context (.dockerignore)', () => {
    const path = resolve(repoRoot, '.dockerignore');
    expect(existsSync(path), '.dockerignore is missing').toBe(true);
    const patterns = new Set(
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line) => line.trim().replace(/^\/|\/$/g, '')),
    );
    for (const entry of ['node_modules', 'dist', '.data', '.tools', '.git']) {
      expect(patterns.has(entry) || patterns.has(`**/${entry}`), `.dockerignore should exclude ${entry}`).toBe(true);
    }
  });
});
