import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../src/app/route.ts';

describe('hash routes', () => {
  it.each([
    ['', { page: 'home' }],
    ['#/', { page: 'home' }],
    ['#/case-setup', { page: 'case-setup' }],
    ['#/case-setup/', { page: 'case-setup' }],
    ['#/case-setup/templates', { page: 'not-found', hash: '#/case-setup/templates' }],
    ['#/access', { page: 'access' }],
    ['#/access/', { page: 'access' }],
    ['#/workflows/wfl_1', { page: 'workflow', workflowId: 'wfl_1' }],
    ['#/workflows/wfl_1/', { page: 'workflow', workflowId: 'wfl_1' }],
    ['#/workflows/wfl_1/versions/wfv_2', { page: 'version', workflowId: 'wfl_1', versionId: 'wfv_2' }],
    ['#/cases', { page: 'cases', query: '' }],
    ['#/cases?queue=cqueue_1&sla=breached', { page: 'cases', query: 'queue=cqueue_1&sla=breached' }],
    ['#/cases/case_1', { page: 'case', caseId: 'case_1' }],
    ['#/workflows/wfl_1/runs/wfr_2', { page: 'workflow', workflowId: 'wfl_1', runId: 'wfr_2' }],
    ['#/nowhere', { page: 'not-found', hash: '#/nowhere' }],
    ['#/workflows/', { page: 'not-found', hash: '#/workflows/' }],
  ])('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('writes hrefs that read back as the same route', () => {
    const routes = [
      { page: 'home' },
      { page: 'case-setup' },
      { page: 'access' },
      { page: 'workflow', workflowId: 'wfl_a-b_c' },
      { page: 'workflow', workflowId: 'wfl_1', runId: 'wfr_2' },
      { page: 'cases', query: '' },
      { page: 'cases', query: 'status=open&q=KYC%201' },
      { page: 'case', caseId: 'case_1' },
      { page: 'version', workflowId: 'wfl_1', versionId: 'wfv_2' },
    ] as const;
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
