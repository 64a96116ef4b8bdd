import { readFileSync } from 'node:fs';
import path from 'node:path';
import { probe, run } from './exec.mjs';
import { repoRoot } from './paths.mjs';

const pinnedPnpm = () => JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).packageManager;

/**
 * The pnpm command pinned by package.json's `packageManager`: through corepack where it works,
 * else through npx (corepack is missing on some Node builds, and some registries lack its signatures).
 */
export function resolvePnpm() {
  const spec = pinnedPnpm();
  const version = spec.split('@')[1];
  if (probe('corepack', ['pnpm', '--version']) === version) return ['corepack', 'pnpm'];
  return ['npx', '--yes', spec];
}

export async function pnpm(args, options = {}) {
  const [command, ...prefix] = resolvePnpm();
  return run(command, [...prefix, ...args], { cwd: repoRoot, ...options });
}

/** Installs the workspace exactly as locked; a no-op in a second or two when already installed. */
export async function installWorkspace(log) {
  log.info('installing workspace dependencies (pnpm install --frozen-lockfile)');
  await pnpm(['install', '--frozen-lockfile', '--reporter=append-only']);
}
