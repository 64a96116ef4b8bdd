import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './exec.mjs';
import { ensureJava, ensureMaven } from './prerequisites.mjs';
import { mavenRepoDir, mongoServerBuildDir, mongoServerSourceDir } from './paths.mjs';

const MAIN_CLASS = 'dev.casework.mongoserver.Main';
const libDir = path.join(mongoServerBuildDir, 'lib');
// Written once a build has fully succeeded, so an interrupted build is not taken for a finished one.
const builtStamp = path.join(mongoServerBuildDir, 'built');

const newestSourceMtime = () =>
  Math.max(
    ...readdirSync(mongoServerSourceDir, { recursive: true })
      .filter((name) => name === 'pom.xml' || name.endsWith('.java'))
      .map((name) => statSync(path.join(mongoServerSourceDir, name)).mtimeMs),
  );

const isBuilt = () => existsSync(builtStamp) && statSync(builtStamp).mtimeMs >= newestSourceMtime();

async function build(log) {
  const mvn = await ensureMaven(log);
  log.info('building the local MongoDB-protocol store (mongo-java-server on H2) with Maven');
  // From scratch, so that lib/ holds no jar of a dependency the pom no longer names.
  rmSync(mongoServerBuildDir, { recursive: true, force: true });
  await run(
    mvn,
    [
      '-B',
      '-q',
      '-f',
      path.join(mongoServerSourceDir, 'pom.xml'),
      `-Dmaven.repo.local=${mavenRepoDir}`,
      `-Dcasework.outputDir=${mongoServerBuildDir}`,
      'package',
    ],
    { quiet: true },
  );
  writeFileSync(builtStamp, `${new Date().toISOString()}\n`);
}

/**
 * Builds the store's launcher (tools/mongo-server) into .tools/mongo-server when its sources changed, and returns
 * what `startMongoServer` needs to run it: the java executable, the class path and the main class.
 */
export async function ensureMongoServer(log) {
  const java = await ensureJava(log);
  if (!isBuilt()) await build(log);
  return { java, classpath: path.join(libDir, '*'), mainClass: MAIN_CLASS };
}
