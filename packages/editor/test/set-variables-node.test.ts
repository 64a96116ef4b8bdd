import { describe, expect, it } from 'vitest';
import type { Graph } from '@casework/shared';
import { pathSuggestions } from '../src/inspector/expressions/path-suggestions.ts';
import { widgetFor } from '../src/inspector/form/field-widgets.ts';
import { inspectorGraph } from '../src/inspector/graph/inspector-graph.ts';
import { paramsForm } from '../src/inspector/schema/params-form.ts';
import { nodeSummary } from '../src/nodes/node-summary.ts';
import { createEditorStore } from '../src/store/create-editor-store.ts';

const graph: Graph = {
  nodes: [
    { id: 'trigger', kind: 'trigger.api', version: 1, position: { x: 0, y: 0 }, params: { fields: [] } },
    {
      id: 'vars',
      kind: 'data.set-variables',
      version: 1,
      position: { x: 300, y: 0 },
      params: { operations: [{ variable: 'count', op: 'set', value: '{{ vars.count + 1 }}' }] },
    },
    { id: 'done', kind: 'end', version: 1, position: { x: 600, y: 0 }, params: {} },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'vars' },
    { id: 'e2', source: 'vars', target: 'done' },
  ],
};

const codes = (store: ReturnType<typeof createEditorStore>) =>
  store.getState().compiled.issues.map((found) => found.code);

describe('run variables in the editor', () => {
  it('declares variables on the workflow: the compiler sees them, the draft holds them, undo takes the edits back at once', () => {
    const store = createEditorStore({ graph });
    expect(codes(store)).toEqual(['unknown-variable', 'unknown-variable']);
    expect(store.getState().graph()).not.toHaveProperty('variables');

    store.getState().setVariables([{ name: 'count', type: 'number', default: 0 }]);
    expect(store.getState().compiled.ok).toBe(true);
    expect(store.getState().graph().variables).toEqual([{ name: 'count', type: 'number', default: 0 }]);

    store.getState().setVariables([{ name: 'count', type: 'number', default: 'zero' }]);
    expect(store.getState().compiled.issues).toEqual([
      expect.objectContaining({ code: 'invalid-variable', path: '/variables/0/default' }),
    ]);

    store.getState().undo();
    expect(store.getState().variables).toEqual([]);
    expect(codes(store)).toContain('unknown-variable');
  });

  it('edits a set-variables node with a variable picker, an operation and a value, and suggests vars.* in expressions', () => {
    const form = paramsForm('data.set-variables');
    const operations = form?.properties.find((property) => property.key === 'operations')?.field;
    if (operations?.kind !== 'list' || operations.item.kind !== 'union') throw new Error('a list of operations');
    expect(operations.item.variants.map((variant) => variant.value)).toEqual([
      'unset',
      'set',
      'append',
      'push',
      'remove',
    ]);
    expect(widgetFor('data.set-variables', ['operations', 0, 'variable'], { kind: 'text', expression: false })).toBe(
      'variable',
    );
    expect(nodeSummary('data.set-variables', graph.nodes[1]?.params ?? {})).toEqual(['set count']);

    const store = createEditorStore({ graph: { ...graph, variables: [{ name: 'count', type: 'number' }] } });
    const suggestions = pathSuggestions(
      'done',
      inspectorGraph(store.getState().nodes, store.getState().edges),
      {
        templates: [],
        queues: [],
      },
      store.getState().variables,
    );
    expect(suggestions).toContainEqual({
      path: 'vars.count',
      plain: 'vars.count',
      type: 'number',
      source: 'run variable',
    });
  });
});
