import type { CatalogSnapshot, Graph, GraphEdge, GraphNode } from '../../src/index.ts';

export const catalog: CatalogSnapshot = {
  templates: [
    {
      id: 'ctmpl_kyc',
      key: 'KYC',
      status: 'active',
      statuses: [
        { name: 'open', type: 'initial' },
        { name: 'in-review', type: 'intermediate' },
        { name: 'approved', type: 'end' },
        { name: 'declined', type: 'end' },
      ],
      fieldSchemas: [
        { key: 'amount', type: 'number', required: true },
        { key: 'country', type: 'choice', required: false, config: { choices: ['DE', 'FR', 'US'] } },
        { key: 'risk', type: 'choice', required: false, config: { choices: ['low', 'high'] } },
        { key: 'review-started', type: 'boolean', required: false },
        { key: 'notes', type: 'string-array', required: false },
        { key: 'decision', type: 'choice', required: false, config: { choices: ['approved', 'declined'] } },
      ],
    },
    { id: 'ctmpl_old', key: 'OLD', status: 'archived', statuses: [], fieldSchemas: [] },
  ],
  queues: [
    { id: 'cqueue_review', status: 'active' },
    { id: 'cqueue_old', status: 'archived' },
  ],
};

let position = 0;
export const node = (id: string, kind: string, params: Record<string, unknown> = {}, label?: string): GraphNode => ({
  id,
  kind,
  version: 1,
  ...(label === undefined ? {} : { label }),
  position: { x: (position += 10), y: 0 },
  params,
});

export const edge = (source: string, target: string, sourceHandle?: string): GraphEdge => ({
  id: `${source}-${sourceHandle ?? 'next'}-${target}`,
  source,
  target,
  ...(sourceHandle === undefined ? {} : { sourceHandle }),
});

export const apiTrigger = (id = 'trigger') =>
  node(id, 'trigger.api', {
    fields: [
      { key: 'inquiry-id', type: 'string', required: true },
      { key: 'amount', type: 'number', required: true },
      { key: 'country', type: 'string' },
    ],
  });

export const createCase = (id = 'create', overrides: Record<string, unknown> = {}) =>
  node(id, 'case.create', {
    'case-template-id': 'ctmpl_kyc',
    fields: { amount: '{{ trigger.amount }}' },
    ...overrides,
  });

/** The smallest valid workflow: API trigger → Create Case → end. */
export const minimal = (): Graph => ({
  nodes: [apiTrigger(), createCase(), node('done', 'end')],
  edges: [edge('trigger', 'create'), edge('create', 'done')],
});

/**
 * Persona's canonical review workflow: an API trigger, a condition on the payload, Create Case (fields from the
 * payload, objects, a 2-hour SLA), Attach Objects, Update Fields, Wait for `case.resolved` (1 day), a condition
 * on the case's status, Update Fields, end.
 */
export const reviewWorkflow = (): Graph => ({
  nodes: [
    apiTrigger(),
    node('check-amount', 'logic.condition', {
      routes: [{ id: 'high-value', label: 'High value', when: '{{ trigger.amount >= 10000 }}' }],
    }),
    node(
      'create-case',
      'case.create',
      {
        'case-template-id': 'ctmpl_kyc',
        'case-queue-id': 'cqueue_review',
        fields: { amount: '{{ trigger.amount }}', country: '{{ trigger.country }}', risk: 'high' },
        'object-ids': ['{{ trigger.`inquiry-id` }}'],
        sla: { amount: 2, unit: 'hours' },
      },
      'Create KYC case',
    ),
    node('attach', 'case.attach-objects', {
      case: { node: 'create-case' },
      'object-ids': ['{{ trigger.`inquiry-id` }}'],
    }),
    node('start-review', 'case.update-fields', {
      case: { node: 'attach' },
      operations: [
        { field: 'review-started', op: 'set', value: true },
        { field: 'notes', op: 'push', value: 'Review of {{ steps.`create-case`.case.name }} started' },
      ],
    }),
    node('wait-resolved', 'wait.case', {
      case: { node: 'start-review' },
      events: ['case.resolved'],
      timeout: { amount: 1, unit: 'days' },
    }),
    node('check-status', 'logic.condition', {
      routes: [{ id: 'approved', label: 'Approved', when: '{{ steps.`wait-resolved`.case.status = "approved" }}' }],
    }),
    node('record-decision', 'case.update-fields', {
      case: { node: 'wait-resolved' },
      operations: [{ field: 'decision', op: 'set', value: 'approved' }],
    }),
    node('done', 'end'),
  ],
  edges: [
    edge('trigger', 'check-amount'),
    edge('check-amount', 'create-case', 'high-value'),
    edge('check-amount', 'done', 'else'),
    edge('create-case', 'attach'),
    edge('attach', 'start-review'),
    edge('start-review', 'wait-resolved'),
    edge('wait-resolved', 'check-status', 'matched'),
    edge('wait-resolved', 'done', 'timed-out'),
    edge('check-status', 'record-decision', 'approved'),
    edge('check-status', 'done', 'else'),
    edge('record-decision', 'done'),
  ],
});
