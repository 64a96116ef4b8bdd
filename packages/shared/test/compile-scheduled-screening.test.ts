import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, type CatalogSnapshot } from '../src/index.ts';

// examples/scheduled-screening as run.sh sends it: its placeholders filled in with the ids of this catalog.
const exampleDir = new URL('../../../examples/scheduled-screening/', import.meta.url);
const read = (name: string) =>
  readFileSync(new URL(name, exampleDir), 'utf8')
    .replaceAll('$TEMPLATE_ID', 'ctmpl_screening')
    .replaceAll('$QUEUE_ID', 'cqueue_screening')
    .replaceAll('$ESCALATION_WORKFLOW_ID', 'wfl_escalation')
    .replaceAll('$APPLICANTS_URL', 'http://127.0.0.1:4010');
const graphOf = (name: string): unknown => (JSON.parse(read(name)) as { graph: unknown }).graph;
const template = JSON.parse(read('case-template.json')) as Pick<
  CatalogSnapshot['templates'][number],
  'key' | 'statuses'
> & { 'field-schemas': CatalogSnapshot['templates'][number]['fieldSchemas'] };

const catalog: CatalogSnapshot = {
  templates: [
    {
      id: 'ctmpl_screening',
      key: template.key,
      statuses: template.statuses,
      fieldSchemas: template['field-schemas'],
      status: 'active',
    },
  ],
  queues: [{ id: 'cqueue_screening', status: 'active' }],
  secrets: [{ name: 'screening-hook' }],
  workflows: [{ id: 'wfl_escalation', name: 'High-risk escalation', status: 'active', live: true }],
};

describe('compile: the scheduled screening example', () => {
  it('compiles the escalation sub-workflow', () => {
    expect(compile(graphOf('escalation.json'), catalog).issues).toEqual([]);
  });

  it('compiles the main workflow: a loop in each branch of a parallel, variables counted from both', () => {
    const result = compile(graphOf('workflow.json'), catalog);
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.steps.split?.next).toEqual({ standard: 'screen-standard', high: 'screen-high' });
    expect(result.plan.steps['standard-done']?.next).toEqual({ next: 'both-done' });
    expect(result.plan.steps['high-done']?.next).toEqual({ next: 'both-done' });
  });

  it('refuses it when the signing secret does not exist', () => {
    const result = compile(graphOf('workflow.json'), { ...catalog, secrets: [] });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'unknown-secret', 'node-id': 'send-report', path: '/params/signature/secret' }),
    ]);
  });
});
