import { infoOf } from './kind-info.ts';

const MAX_ID_LENGTH = 64;

/** Keeps only characters graph ids allow and makes sure the id starts with a letter. */
function sanitize(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z]+/, '');
  return cleaned === '' ? 'n' : cleaned;
}

/** `base`, else `base-2`, `base-3`, … : the first one not in `taken`, never longer than a graph id may be. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem = sanitize(base).slice(0, MAX_ID_LENGTH - 6);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A readable id for a new node of `kind`: `create-case`, `create-case-2`, … */
export function freshNodeId(kind: string, taken: ReadonlySet<string>): string {
  return uniqueId(infoOf(kind).idBase, taken);
}

/** A readable id for a new edge: `e-<source>-<handle>`, numbered when taken. */
export function freshEdgeId(source: string, handle: string | null | undefined, taken: ReadonlySet<string>): string {
  return uniqueId(`e-${source}${handle ? `-${handle}` : ''}`, taken);
}
