import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Project-local, git-ignored tools: the venv with Temporal's binaries, the store's build, its Maven repository. */
export const toolsDir = path.join(repoRoot, '.tools');
export const venvDir = path.join(toolsDir, 'venv');
export const mongoServerSourceDir = path.join(repoRoot, 'tools', 'mongo-server');
export const mongoServerBuildDir = path.join(toolsDir, 'mongo-server');
export const mavenRepoDir = path.join(toolsDir, 'm2');
export const editorDir = path.join(repoRoot, 'packages', 'editor');
export const editorDistDir = path.join(editorDir, 'dist');
export const runtimeDir = path.join(repoRoot, 'packages', 'runtime');

export function defaultDataDir(env = process.env) {
  return path.resolve(repoRoot, env.CASEWORK_DATA_DIR || '.data');
}
