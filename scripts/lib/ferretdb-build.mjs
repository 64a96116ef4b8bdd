import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { run } from './exec.mjs';
import { findGo } from './prerequisites.mjs';
import { binDir, ferretdbBinary, ferretdbSourceDir } from './paths.mjs';

const newestSourceMtime = () =>
  Math.max(
    ...readdirSync(ferretdbSourceDir)
      .filter((name) => /\.(go|mod|sum)$/.test(name))
      .map((name) => statSync(path.join(ferretdbSourceDir, name)).mtimeMs),
  );

/** Builds the embedded FerretDB launcher (tools/ferretdb) into .tools/bin, only when its sources changed. */
export async function ensureFerretdb(log) {
  if (existsSync(ferretdbBinary) && statSync(ferretdbBinary).mtimeMs >= newestSourceMtime()) return ferretdbBinary;
  const go = findGo();
  mkdirSync(binDir, { recursive: true });
  log.info('building FerretDB 1.24 (MongoDB wire protocol on SQLite) with Go; the first build takes a few minutes');
  await run(go, ['build', '-trimpath', '-o', ferretdbBinary, '.'], {
    cwd: ferretdbSourceDir,
    env: { ...process.env, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
  });
  return ferretdbBinary;
}
