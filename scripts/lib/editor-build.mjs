import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pnpm } from './pnpm.mjs';
import { editorDir, editorDistDir, repoRoot } from './paths.mjs';

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

const editorInputs = () => [
  path.join(editorDir, 'src'),
  path.join(editorDir, 'index.html'),
  path.join(editorDir, 'vite.config.ts'),
  path.join(editorDir, 'package.json'),
  path.join(repoRoot, 'packages', 'shared', 'src'),
  path.join(repoRoot, 'pnpm-lock.yaml'),
];

/** Builds the editor (Vite) into packages/editor/dist unless the build is newer than its sources. */
export async function ensureEditorBuild(log, { force = false } = {}) {
  const built = newestMtime(path.join(editorDistDir, 'index.html'));
  if (!force && built > 0 && built >= Math.max(...editorInputs().map(newestMtime))) return editorDistDir;
  log.info('building the editor (vite build)');
  await pnpm(['--filter', '@casework/editor', 'run', 'build'], { quiet: true });
  return editorDistDir;
}
