import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Project-local, git-ignored tools: the Python venv with Temporal's binaries, the FerretDB build. */
export const toolsDir = path.join(repoRoot, '.tools');
export const venvDir = path.join(toolsDir, 'venv');
export const binDir = path.join(toolsDir, 'bin');
export const ferretdbSourceDir = path.join(repoRoot, 'tools', 'ferretdb');
export const ferretdbBinary = path.join(binDir, 'ferretdb');
export const editorDir = path.join(repoRoot, 'packages', 'editor');
export const editorDistDir = path.join(editorDir, 'dist');
export const runtimeDir = path.join(repoRoot, 'packages', 'runtime');

export function defaultDataDir(env = process.env) {
  return path.resolve(repoRoot, env.CASEWORK_DATA_DIR || '.data');
}
