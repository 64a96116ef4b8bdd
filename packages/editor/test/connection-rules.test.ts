import { describe, expect, it } from 'vitest';
import { connectionRefusal, isValidConnection, type Link } from '../src/graph/connection-rules.ts';
import { graphToFlow } from '../src/graph/graph-mappers.ts';
import { branchGraph } from './fixtures/review-workflow.ts';

const { nodes, edges } = graphToFlow(branchGraph());
const refusal = (link: Link) => connectionRefusal(link, nodes, edges);

describe('connection rules', () => {
  it('accepts a free handle into a node downstream', () => {
    expect(refusal({ source: 'check', sourceHandle: 'else', target: 'other' })).toBeNull();
    expect(isValidConnection({ source: 'check', sourceHandle: 'else', target: 'other' }, nodes, edges)).toBe(true);
  });

  it.each([
    ['a node that is not on the canvas', { source: 'check', sourceHandle: 'else', target: 'ghost' }, 'missing-node'],
    ['a self-loop', { source: 'check', sourceHandle: 'else', target: 'check' }, 'self-loop'],
    ['an edge into a trigger', { source: 'check', sourceHandle: 'else', target: 'trigger' }, 'into-trigger'],
    [
      'a handle the source does not have',
      { source: 'check', sourceHandle: 'maybe', target: 'other' },
      'unknown-handle',
    ],
    ['any edge out of an end node', { source: 'done', sourceHandle: null, target: 'other' }, 'unknown-handle'],
    ['no handle on a node with several', { source: 'check', sourceHandle: null, target: 'other' }, 'unknown-handle'],
    [
      'a route that already leads somewhere',
      { source: 'check', sourceHandle: 'yes', target: 'other' },
      'handle-in-use',
    ],
    [
      'the only handle, named or not, already used',
      { source: 'trigger', sourceHandle: 'next', target: 'other' },
      'handle-in-use',
    ],
  ] as const)('refuses %s', (_name, link, expected) => {
    expect(refusal(link)).toBe(expected);
    expect(isValidConnection(link, nodes, edges)).toBe(false);
  });

  it('refuses an edge that closes a loop', () => {
    const chain = graphToFlow({
      nodes: [
        {
          id: 'a',
          kind: 'wait.duration',
          version: 1,
          position: { x: 0, y: 0 },
          params: { duration: { amount: 1, unit: 'hours' } },
        },
        {
          id: 'b',
          kind: 'wait.duration',
          version: 1,
          position: { x: 0, y: 0 },
          params: { duration: { amount: 1, unit: 'hours' } },
        },
        {
          id: 'c',
          kind: 'wait.duration',
          version: 1,
          position: { x: 0, y: 0 },
          params: { duration: { amount: 1, unit: 'hours' } },
        },
      ],
      edges: [
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'bc', source: 'b', target: 'c' },
      ],
    });
    expect(connectionRefusal({ source: 'c', sourceHandle: 'next', target: 'a' }, chain.nodes, chain.edges)).toBe(
      'cycle',
    );
  });

  it('reads the handles of a condition whose params are still invalid', () => {
    const draft = graphToFlow({
      nodes: [
        // `when` is not an expression yet, so the params fail the schema, but the route's handle is drawn.
        {
          id: 'check',
          kind: 'logic.condition',
          version: 1,
          position: { x: 0, y: 0 },
          params: { routes: [{ id: 'big', when: 'x' }] },
        },
        { id: 'done', kind: 'end', version: 1, position: { x: 0, y: 0 }, params: {} },
      ],
      edges: [],
    });
    expect(
      connectionRefusal({ source: 'check', sourceHandle: 'big', target: 'done' }, draft.nodes, draft.edges),
    ).toBeNull();
  });
});
