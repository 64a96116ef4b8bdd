import type { Role } from '@casework/shared';

// Who may call what (docs/architecture.md, "Access"): every operation under /api/v1, by method and route as
// registered (relative to /api/v1), maps to the roles allowed. An operation missing here is refused to everyone but
// admins, and a test walks /openapi.json to keep this table complete (test/access/role-matrix.test.ts).

const readers: readonly Role[] = ['admin', 'designer', 'reviewer', 'viewer'];
/** Readers plus `trigger` keys, which start runs and follow them. */
const runReaders: readonly Role[] = [...readers, 'trigger'];
const designers: readonly Role[] = ['admin', 'designer'];
const caseWorkers: readonly Role[] = ['admin', 'reviewer'];
const triggerers: readonly Role[] = ['admin', 'designer', 'trigger'];
const admins: readonly Role[] = ['admin'];
/** Anyone signed in, whatever the role. */
const anyone: readonly Role[] = ['admin', 'designer', 'reviewer', 'viewer', 'trigger'];

/** `'public'`: no credentials needed (signing in). */
export type Access = readonly Role[] | 'public';

export const accessPolicy: Readonly<Record<string, Access>> = {
  'POST /sessions': 'public',
  'GET /session': anyone,
  'DELETE /session': anyone,

  'GET /users': admins,
  'POST /users': admins,
  'GET /users/:id': admins,
  'PATCH /users/:id': admins,
  'GET /api-keys': admins,
  'POST /api-keys': admins,
  'GET /api-keys/:id': admins,
  'POST /api-keys/:id/revoke': admins,

  'POST /system-checks': designers,
  'GET /system-checks/:id': readers,

  'GET /case-templates': readers,
  'POST /case-templates': designers,
  'GET /case-templates/:id': readers,
  'PATCH /case-templates/:id': designers,
  'POST /case-templates/:id/archive': designers,
  'GET /case-queues': readers,
  'POST /case-queues': designers,
  'GET /case-queues/:id': readers,
  'POST /case-queues/:id/archive': designers,
  'GET /case-queues/counts': readers,

  'GET /cases': readers,
  'POST /cases': caseWorkers,
  'GET /cases/:id': readers,
  // A search is a read sent as a body (the query is too rich for a URL): whoever lists cases may search.
  'POST /cases/search': readers,
  'PATCH /cases/:id': caseWorkers,
  'DELETE /cases/:id': caseWorkers,
  'POST /cases/:id/add-objects': caseWorkers,
  'POST /cases/:id/remove-objects': caseWorkers,
  'POST /cases/:id/assign': caseWorkers,
  'POST /cases/:id/set-status': caseWorkers,
  'POST /cases/:id/add-tag': caseWorkers,
  'POST /cases/:id/remove-tag': caseWorkers,
  'POST /cases/:id/set-tags': caseWorkers,
  'POST /cases/:id/comments': caseWorkers,
  'GET /cases/:id/events': readers,
  'GET /events': readers,
  'GET /events/stream': readers,

  'GET /workflows': runReaders,
  'POST /workflows': designers,
  'GET /workflows/:id': runReaders,
  'PATCH /workflows/:id': designers,
  'PUT /workflows/:id/draft': designers,
  'POST /workflows/:id/archive': designers,
  'POST /workflows/:id/publish': designers,
  'POST /workflows/:id/restore': designers,
  'POST /workflows/:id/rollout': designers,
  'GET /workflows/:id/versions': readers,
  'GET /workflows/:id/schedule': readers,
  'GET /workflow-versions/:id': readers,
  'POST /workflows/:id/trigger': triggerers,
  'POST /workflows/:id/schedule/run': triggerers,
  'GET /workflow-runs': runReaders,
  'GET /workflow-runs/:id': runReaders,
  'POST /workflow-runs/:id/cancel': triggerers,
  'POST /workflow-runs/:id/rerun': triggerers,

  // Values are write-only; names are what designers pick in a node.
  'GET /secrets': designers,
  'POST /secrets': designers,
  'PATCH /secrets/:name': designers,
  'DELETE /secrets/:name': designers,
};

export const API_PREFIX = '/api/v1';

/** The roles allowed on a route (`method`, `url` as Fastify registered it), or admins only when it is not listed. */
export function accessFor(method: string, url: string): Access {
  const path = url.startsWith(API_PREFIX) ? url.slice(API_PREFIX.length) : url;
  // HEAD is Fastify's automatic twin of a GET route: the same answer without a body, so the same roles.
  return accessPolicy[`${method === 'HEAD' ? 'GET' : method} ${path}`] ?? admins;
}
