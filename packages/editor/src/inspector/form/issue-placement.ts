import type { CompileIssue } from '@casework/shared';

export interface PlacedIssues {
  /** Issues of the node as a whole (no params path, or a path no control renders): shown above the form. */
  top: readonly CompileIssue[];
  /** Issues by the pointer of the control they belong to. */
  byPointer: ReadonlyMap<string, readonly CompileIssue[]>;
}

/**
 * Places each issue at the deepest rendered control its `path` points into (`/params/sla/amount` → the SLA
 * control when the amount has no control of its own); issues about the node, or about `/params` as a whole
 * (an unknown key), go to the top.
 */
export function placeIssues(issues: readonly CompileIssue[], pointers: ReadonlySet<string>): PlacedIssues {
  const top: CompileIssue[] = [];
  const byPointer = new Map<string, CompileIssue[]>();
  for (const found of issues) {
    const home = homeOf(found.path, pointers);
    if (home === null) {
      top.push(found);
      continue;
    }
    const list = byPointer.get(home);
    if (list) list.push(found);
    else byPointer.set(home, [found]);
  }
  return { top, byPointer };
}

function homeOf(path: string | undefined, pointers: ReadonlySet<string>): string | null {
  if (path === undefined || !path.startsWith('/params/')) return null;
  for (let at = path; at.length > '/params'.length; at = at.slice(0, at.lastIndexOf('/'))) {
    if (pointers.has(at)) return at;
  }
  return null;
}
