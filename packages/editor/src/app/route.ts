/** The editor's pages, addressed by the URL hash so the api can serve one static index.html for all of them. */
export type Route =
  | { page: 'home' }
  | { page: 'case-setup' }
  | { page: 'access' }
  | { page: 'cases'; query: string }
  | { page: 'case'; caseId: string }
  | { page: 'workflow'; workflowId: string; runId?: string }
  | { page: 'version'; workflowId: string; versionId: string }
  | { page: 'not-found'; hash: string };

const segment = '([^/?#]+)';
const caseSetupPattern = /^#\/case-setup\/?$/;
const accessPattern = /^#\/access\/?$/;
const casesPattern = /^#\/cases\/?(?:\?(.*))?$/;
const casePattern = new RegExp(`^#/cases/${segment}/?$`);
const workflowPattern = new RegExp(`^#/workflows/${segment}/?$`);
const runPattern = new RegExp(`^#/workflows/${segment}/runs/${segment}/?$`);
const versionPattern = new RegExp(`^#/workflows/${segment}/versions/${segment}/?$`);

/**
 * `#/` (or nothing) is home, `#/case-setup` the case templates and queues, `#/access` the users and API keys
 * (admins), `#/cases?<filters>` the reviewer console's case list (its filters in the query, cases/case-filters.ts),
 * `#/cases/<id>` a case, `#/workflows/<id>` a workflow, `#/workflows/<id>/runs/<run id>` a workflow with a run
 * overlaid, `#/workflows/<id>/versions/<version id>` a version.
 */
export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#' || hash === '#/') return { page: 'home' };
  if (caseSetupPattern.test(hash)) return { page: 'case-setup' };
  if (accessPattern.test(hash)) return { page: 'access' };
  const cases = casesPattern.exec(hash);
  if (cases) return { page: 'cases', query: cases[1] ?? '' };
  const kase = casePattern.exec(hash);
  if (kase?.[1]) return { page: 'case', caseId: decode(kase[1]) };
  const run = runPattern.exec(hash);
  if (run?.[1] && run[2]) return { page: 'workflow', workflowId: decode(run[1]), runId: decode(run[2]) };
  const version = versionPattern.exec(hash);
  if (version?.[1] && version[2]) {
    return { page: 'version', workflowId: decode(version[1]), versionId: decode(version[2]) };
  }
  const workflow = workflowPattern.exec(hash);
  if (workflow?.[1]) return { page: 'workflow', workflowId: decode(workflow[1]) };
  return { page: 'not-found', hash };
}

export function routeHref(route: Exclude<Route, { page: 'not-found' }>): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'case-setup':
      return '#/case-setup';
    case 'access':
      return '#/access';
    case 'cases':
      return route.query === '' ? '#/cases' : `#/cases?${route.query}`;
    case 'case':
      return `#/cases/${encodeURIComponent(route.caseId)}`;
    case 'workflow':
      return route.runId === undefined
        ? `#/workflows/${encodeURIComponent(route.workflowId)}`
        : `#/workflows/${encodeURIComponent(route.workflowId)}/runs/${encodeURIComponent(route.runId)}`;
    case 'version':
      return `#/workflows/${encodeURIComponent(route.workflowId)}/versions/${encodeURIComponent(route.versionId)}`;
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
