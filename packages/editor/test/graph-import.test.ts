import { describe, expect, it } from 'vitest';
import { parseGraphJson } from '../src/graph/graph-json.ts';
import { createEditorStore } from '../src/store/create-editor-store.ts';
import { branchGraph, reviewWorkflow, reviewWorkflowFile } from './fixtures/review-workflow.ts';

describe('JSON import and export', () => {
  it.each([
    ['text that is not JSON', '{ nodes: ', /^The file is not valid JSON: /],
    ['JSON that is not a graph', '{"nodes": "none"}', /^The file is not a workflow graph: nodes: /],
    [
      'a node with an id the graph schema refuses',
      JSON.stringify({
        nodes: [{ id: '1st', kind: 'end', version: 1, position: { x: 0, y: 0 }, params: {} }],
        edges: [],
      }),
      /nodes\.0\.id: must start with a letter/,
    ],
    [
      'two nodes with the same id',
      JSON.stringify({
        nodes: [
          { id: 'a', kind: 'end', version: 1, position: { x: 0, y: 0 }, params: {} },
          { id: 'a', kind: 'end', version: 1, position: { x: 9, y: 0 }, params: {} },
        ],
        edges: [],
      }),
      /two nodes or two edges with the id "a"/,
    ],
  ])('refuses %s with a clear error and leaves the graph unchanged', (_name, text, message) => {
    const store = createEditorStore({ graph: branchGraph() });
    const result = store.getState().importGraphJson(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(message);
    expect(store.getState().errorMessage).toMatch(message);
    expect(store.getState().graph()).toEqual(branchGraph());
    expect(store.getState().past).toEqual([]);
    store.getState().dismissError();
    expect(store.getState().errorMessage).toBeNull();
  });

  it('imports an example workflow file (its graph) as one undoable step', () => {
    const store = createEditorStore({ graph: branchGraph() });
    expect(store.getState().importGraphJson(reviewWorkflowFile()).ok).toBe(true);
    expect(store.getState().graph()).toEqual(reviewWorkflow());
    store.getState().undo();
    expect(store.getState().graph()).toEqual(branchGraph());
  });

  it('exports JSON that imports back to the same graph', () => {
    const store = createEditorStore({ graph: reviewWorkflow() });
    const exported = store.getState().exportGraphJson();
    expect(parseGraphJson(exported)).toEqual({ ok: true, graph: reviewWorkflow() });
  });
});
