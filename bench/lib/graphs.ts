import type { CatalogSnapshot, Graph, GraphEdge, GraphNode } from '../../packages/shared/src/index.ts';

/** One active template with the fields the generated steps write, and one queue. */
export const benchCatalog: CatalogSnapshot = {
  templates: [
    {
      id: 'ctmpl_bench',
      key: 'BENCH',
      status: 'active',
      statuses: [
        { name: 'open', type: 'initial' },
        { name: 'in-review', type: 'intermediate' },
        { name: 'closed', type: 'end' },
      ],
      fieldSchemas: [
        { key: 'amount', type: 'number', required: true },
        { key: 'customer', type: 'string', required: false },
        { key: 'risk', type: 'choice', required: false, config: { choices: ['low', 'high'] } },
        { key: 'notes', type: 'string-array', required: false },
        { key: 'reviewed', type: 'boolean', required: false },
      ],
    },
  ],
  queues: [{ id: 'cqueue_bench', status: 'active' }],
};

/**
 * The kinds of block a realistic graph repeats: one more field update, a new case, a condition whose two
 * branches update the case and re-join, or a wait for the case (timing out to the end).
 */
export type BlockKind = 'update' | 'create' | 'branch' | 'wait';

const blockSize: Record<BlockKind, number> = { update: 1, create: 1, branch: 4, wait: 1 };

/** The default mixture, repeated: mostly updates with expressions, a branch that re-joins, a wait, a new case. */
export const defaultMix: readonly BlockKind[] = ['update', 'branch', 'update', 'wait', 'update', 'branch', 'create'];

/** Where the next block attaches, and the case node that surely ran before it. */
interface Cursor {
  source: string;
  handle: string;
  caseNode: string;
}

export interface GraphOptions {
  /** The blocks repeated after the first case, in turn. */
  mix?: readonly BlockKind[];
  /**
   * Varies node ids and expression constants: graphs of different variants share (almost) no expression
   * source, so compiling one analyses every expression afresh. Variant 0 uses ids `n1`, `n2`…
   */
  variant?: number;
}

/**
 * A valid graph of exactly `size` nodes (at least 4): `trigger.api` → `case.create` → blocks of `mix` in turn →
 * `end`. Every action carries `{{ … }}` expressions over `trigger` and upstream `steps` (mostly distinct
 * sources: paths, arithmetic, text, calls, filters, and in each new case a `? :` that compile's fast path
 * leaves to jsonata's parser), as an editor would produce. Deterministic (no randomness), so runs compare.
 */
export function realisticGraph(size: number, options: GraphOptions = {}): Graph {
  const { mix = defaultMix, variant = 0 } = options;
  if (size < 4) throw new Error('a realistic graph needs at least 4 nodes');
  const prefix = variant === 0 ? 'n' : `v${variant}n`;
  // Expression constants: unique per node and variant.
  const constant = (index: number) => variant * 100_000 + index;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const add = (id: string, kind: string, params: Record<string, unknown>) => {
    nodes.push({ id, kind, version: 1, label: id, position: { x: nodes.length * 40, y: 0 }, params });
    return id;
  };
  const link = (source: string, target: string, handle: string) =>
    edges.push({ id: `e${edges.length}`, source, sourceHandle: handle, target });

  add('trigger', 'trigger.api', {
    fields: [
      { key: 'amount', type: 'number', required: true },
      { key: 'customer', type: 'string', required: true },
      { key: 'items', type: 'object' },
    ],
  });
  const first = add(`${prefix}1`, 'case.create', createParams(constant(1)));
  link('trigger', first, 'next');
  let cursor: Cursor = { source: first, handle: 'next', caseNode: first };
  const timeouts: string[] = [];
  // Keeps one node for the final `end`.
  for (let block = 0; nodes.length < size - 1; block++) {
    const wanted = mix[block % mix.length] ?? 'update';
    const kind = nodes.length + blockSize[wanted] <= size - 1 ? wanted : 'update';
    const id = `${prefix}${nodes.length}`;
    const k = constant(nodes.length);
    const attach = (target: string) => link(cursor.source, target, cursor.handle);
    switch (kind) {
      case 'update':
        attach(add(id, 'case.update-fields', updateParams(cursor.caseNode, k)));
        cursor = { source: id, handle: 'next', caseNode: id };
        break;
      case 'create':
        attach(add(id, 'case.create', createParams(k)));
        cursor = { source: id, handle: 'next', caseNode: id };
        break;
      case 'wait':
        attach(add(id, 'wait.case', waitParams(cursor.caseNode)));
        timeouts.push(id);
        cursor = { source: id, handle: 'matched', caseNode: id };
        break;
      case 'branch': {
        const caseNode = cursor.caseNode;
        attach(add(id, 'logic.condition', conditionParams(caseNode, k)));
        const high = add(`${id}h`, 'case.update-fields', updateParams(caseNode, constant(nodes.length)));
        const low = add(`${id}l`, 'case.update-fields', updateParams(caseNode, constant(nodes.length)));
        const join = add(`${id}j`, 'case.update-fields', updateParams(caseNode, constant(nodes.length)));
        link(id, high, 'high');
        link(id, low, 'else');
        link(high, join, 'next');
        link(low, join, 'next');
        // The join's case is the one before the split: only it surely ran on both paths.
        cursor = { source: join, handle: 'next', caseNode: caseNode };
        break;
      }
    }
  }
  add('done', 'end', {});
  link(cursor.source, 'done', cursor.handle);
  for (const wait of timeouts) link(wait, 'done', 'timed-out');
  return { nodes, edges };
}

function createParams(index: number) {
  return {
    'case-template-id': 'ctmpl_bench',
    'case-queue-id': 'cqueue_bench',
    fields: {
      amount: `{{ trigger.amount + ${index} }}`,
      customer: '{{ trigger.customer }}',
      risk: `{{ trigger.amount > ${index} ? "high" : "low" }}`,
    },
    'object-ids': [`{{ trigger.items[${index % 5}].id }}`],
    sla: { amount: 2, unit: 'hours' },
  };
}

function updateParams(caseNode: string, index: number) {
  return {
    case: { node: caseNode },
    operations: [
      {
        field: 'amount',
        op: 'set',
        value: `{{ steps.${caseNode}.case.fields.amount * ${index % 7} + trigger.amount }}`,
      },
      {
        field: 'notes',
        op: 'push',
        value: `Step ${index} for {{ steps.${caseNode}.case.name }} ({{ trigger.customer }})`,
      },
      { field: 'reviewed', op: 'set', value: index % 2 === 0 },
    ],
  };
}

function conditionParams(caseNode: string, index: number) {
  return {
    routes: [
      {
        id: 'high',
        label: 'High amount',
        when: `{{ steps.${caseNode}.case.fields.amount > ${1000 + index} and $count(trigger.items[price > ${index % 50}]) > 0 }}`,
      },
    ],
  };
}

function waitParams(caseNode: string) {
  return { case: { node: caseNode }, events: ['case.resolved'], timeout: { amount: 1, unit: 'days' } };
}
