/** The editor's pages, addressed by the URL hash so the api can serve one static index.html for all of them. */
export type Route =
  | { page: 'home' }
  | { page: 'case-setup' }
  | { page: 'access' }
  | { page: 'workflow'; workflowId: string }
  | { page: 'version'; workflowId: string; versionId: string }
  | { page: 'not-found'; hash: string };

const segment = '([^/?#]+)';
const caseSetupPattern = /^#\/case-setup\/?$/;
const accessPattern = /^#\/access\/?$/;
const workflowPattern = new RegExp(`^#/workflows/${segment}/?$`);
const versionPattern = new RegExp(`^#/workflows/${segment}/versions/${segment}/?$`);

/**
 * `#/` (or nothing) is home, `#/case-setup` the case templates and queues, `#/access` the users and API keys
 * (admins), `#/workflows/<id>` a workflow, `#/workflows/<id>/versions/<version id>` a version.
 */
export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#' || hash === '#/') return { page: 'home' };
  if (caseSetupPattern.test(hash)) return { page: 'case-setup' };
  if (accessPattern.test(hash)) return { page: 'access' };
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
    case 'workflow':
      return `#/workflows/${encodeURIComponent(route.workflowId)}`;
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
