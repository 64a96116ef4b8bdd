import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type Graph } from '../src/index.ts';
import { apiTrigger, catalog, createCase, edge, node } from './graph/fixtures.ts';

type Op = 'create' | 'status' | 'tags' | 'wait' | 'condition' | 'wait-case';
interface OpenEnd {
  source: string;
  handle: string;
  /** The nearest case-carrying node on the (tree) path to here, which therefore runs before. */
  caseNode: string | null;
}

/** Grows a tree of valid steps from the trigger: each op hangs off one open handle; open handles end in `done`. */
function buildGraph(ops: readonly { op: Op; pick: number }[]): Graph {
  const nodes = [apiTrigger()];
  const edges: Graph['edges'] = [];
  let open: OpenEnd[] = [{ source: 'trigger', handle: 'next', caseNode: null }];
  ops.forEach(({ op, pick }, index) => {
    const at = open[pick % open.length];
    if (!at) return;
    open = open.filter((end) => end !== at);
    const id = `n${index}`;
    const kind = at.caseNode === null && op !== 'wait' && op !== 'condition' ? 'create' : op;
    const ref = { node: at.caseNode ?? '' };
    const made = {
      create: () =>
        createCase(id, { fields: { amount: '{{ trigger.amount }}', risk: 'low' }, sla: { amount: 2, unit: 'hours' } }),
      status: () => node(id, 'case.set-status', { case: ref, status: 'in-review' }),
      tags: () => node(id, 'case.add-tags', { case: ref, tags: ['vip', `{{ steps.${ref.node}.case.name }}`] }),
      wait: () => node(id, 'wait.duration', { duration: { amount: 5, unit: 'minutes' } }),
      condition: () =>
        node(id, 'logic.condition', {
          routes: [
            { id: 'big', when: '{{ trigger.amount > 100 }}' },
            { id: 'small', when: '{{ true }}' },
          ],
        }),
      'wait-case': () =>
        node(id, 'wait.case', { case: ref, events: ['case.resolved'], timeout: { amount: 1, unit: 'days' } }),
    }[kind]();
    nodes.push(made);
    edges.push(edge(at.source, id, at.handle));
    const carries = kind !== 'wait' && kind !== 'condition';
    const handles =
      kind === 'condition' ? ['big', 'small', 'else'] : kind === 'wait-case' ? ['matched', 'timed-out'] : ['next'];
    open.push(...handles.map((handle) => ({ source: id, handle, caseNode: carries ? id : at.caseNode })));
  });
  nodes.push(node('done', 'end'));
  edges.push(...open.map((end) => edge(end.source, 'done', end.handle)));
  return { nodes, edges };
}

const opsArbitrary = fc.array(
  fc.record({ op: fc.constantFrom<Op>('create', 'status', 'tags', 'wait', 'condition', 'wait-case'), pick: fc.nat() }),
  { maxLength: 40 },
);
const linearArbitrary = fc.array(
  fc.record({ op: fc.constantFrom<Op>('create', 'status', 'tags', 'wait', 'wait-case'), pick: fc.constant(0) }),
  { maxLength: 40 },
);

describe('compile properties', () => {
  it('random valid linear graphs compile', () => {
    fc.assert(
      fc.property(linearArbitrary, (ops) => {
        const result = compile(buildGraph(ops), catalog);
        expect(result.issues).toEqual([]);
        expect(result.ok).toBe(true);
      }),
    );
  });

  it('random valid branching graphs compile, with a step for every node', () => {
    fc.assert(
      fc.property(opsArbitrary, (ops) => {
        const graph = buildGraph(ops);
        const result = compile(graph, catalog);
        expect(result.issues).toEqual([]);
        if (!result.ok) return;
        expect(Object.keys(result.plan.steps).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      }),
    );
  });

  it('is deterministic: the same graph gives deep-equal, JSON-identical results', () => {
    fc.assert(
      fc.property(opsArbitrary, (ops) => {
        const first = compile(buildGraph(ops), catalog);
        const second = compile(structuredClone(buildGraph(ops)), catalog);
        expect(second).toEqual(first);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
    );
  });

  it('does not depend on the order of nodes and edges', () => {
    const shuffled = opsArbitrary.chain((ops) => {
      const graph = buildGraph(ops);
      return fc.record({
        graph: fc.constant(graph),
        nodes: fc.shuffledSubarray(graph.nodes, { minLength: graph.nodes.length }),
        edges: fc.shuffledSubarray(graph.edges, { minLength: graph.edges.length }),
      });
    });
    fc.assert(
      fc.property(shuffled, ({ graph, nodes, edges }) => {
        const expected = JSON.stringify(compile(graph, catalog));
        expect(JSON.stringify(compile({ nodes, edges }, catalog))).toBe(expected);
      }),
    );
  });
});
