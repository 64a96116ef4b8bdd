import type { Graph } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { nodeHandles } from '../src/graph/node-handles.ts';
import { movedItem, withoutItem } from '../src/inspector/form/immutable.ts';
import { createEditorStore, type EditorStore } from '../src/store/create-editor-store.ts';
import { reviewCatalog, reviewWorkflow } from './fixtures/review-workflow.ts';

interface Route {
  id: string;
  label: string;
  when: string;
}

/** A condition with two routes and `else`, each leading to its own end. */
function routedGraph(): Graph {
  const end = (id: string, y: number) => ({ id, kind: 'end', version: 1, position: { x: 600, y }, params: {} });
  return {
    nodes: [
      { id: 'trigger', kind: 'trigger.api', version: 1, position: { x: 0, y: 0 }, params: { fields: [] } },
      {
        id: 'check',
        kind: 'logic.condition',
        version: 1,
        position: { x: 300, y: 0 },
        params: {
          routes: [
            { id: 'high', label: 'High', when: '{{ true }}' },
            { id: 'low', label: 'Low', when: '{{ false }}' },
          ],
        },
      },
      end('to-high', -100),
      end('to-low', 0),
      end('to-else', 100),
    ],
    edges: [
      { id: 'e-trigger', source: 'trigger', target: 'check' },
      { id: 'e-high', source: 'check', sourceHandle: 'high', target: 'to-high' },
      { id: 'e-low', source: 'check', sourceHandle: 'low', target: 'to-low' },
      { id: 'e-else', source: 'check', sourceHandle: 'else', target: 'to-else' },
    ],
  };
}

const paramsOf = (store: EditorStore, id: string) =>
  store.getState().nodes.find((node) => node.id === id)?.data.params ?? {};

const routesOf = (store: EditorStore) => paramsOf(store, 'check').routes as Route[];

/** Where each output of the condition leads: `{ route key: target }`. */
const outgoing = (store: EditorStore) =>
  Object.fromEntries(
    store
      .getState()
      .edges.filter((edge) => edge.source === 'check')
      .map((edge) => [edge.sourceHandle, edge.target]),
  );

const setRoutes = (store: EditorStore, routes: unknown[]) => store.getState().updateNodeParams('check', { routes });

/** Edits one property of one route, as its inspector input does on every keystroke. */
const editRoute = (store: EditorStore, index: number, change: Partial<Route>) =>
  setRoutes(
    store,
    routesOf(store).map((route, at) => (at === index ? { ...route, ...change } : route)),
  );

/** Backspaces a route's key away, then types `key` one character at a time. */
function retype(store: EditorStore, index: number, key: string) {
  const old = routesOf(store)[index]?.id ?? '';
  for (let length = old.length - 1; length >= 0; length--) editRoute(store, index, { id: old.slice(0, length) });
  for (let length = 1; length <= key.length; length++) editRoute(store, index, { id: key.slice(0, length) });
}

const start = { high: 'to-high', low: 'to-low', else: 'to-else' };

describe('editor store: edges follow the routes of a condition', () => {
  it('keeps a renamed route connected, now from its new key', () => {
    const store = createEditorStore({ graph: routedGraph() });
    retype(store, 0, 'urgent');
    expect(routesOf(store).map((route) => route.id)).toEqual(['urgent', 'low']);
    expect(outgoing(store)).toEqual({ urgent: 'to-high', low: 'to-low', else: 'to-else' });
    expect(store.getState().compiled.ok).toBe(true);
  });

  it('undoes a rename, key and edge together, in one step, and redoes it', () => {
    const store = createEditorStore({ graph: routedGraph() });
    retype(store, 0, 'urgent');
    editRoute(store, 0, { when: '{{ trigger.amount > 10 }}' });
    expect(outgoing(store)).toEqual({ urgent: 'to-high', low: 'to-low', else: 'to-else' });
    expect(store.getState().past).toHaveLength(1);

    store.getState().undo();
    expect(store.getState().graph()).toEqual(routedGraph());
    store.getState().redo();
    expect(routesOf(store)[0]).toEqual({ id: 'urgent', label: 'High', when: '{{ trigger.amount > 10 }}' });
    expect(outgoing(store)).toEqual({ urgent: 'to-high', low: 'to-low', else: 'to-else' });
  });

  it("loses no edge while a half-typed key matches another route's", () => {
    const store = createEditorStore({ graph: routedGraph() });
    // On the way to `high-risk`, the second route is briefly called `high`, like the first.
    retype(store, 1, 'high-risk');
    expect(outgoing(store)).toEqual({ high: 'to-high', 'high-risk': 'to-low', else: 'to-else' });
    expect(store.getState().compiled.ok).toBe(true);
  });

  it('removes a removed route’s edge and no other, undoable in one step with the route', () => {
    const store = createEditorStore({ graph: routedGraph() });
    setRoutes(store, withoutItem(routesOf(store), 0));
    expect(outgoing(store)).toEqual({ low: 'to-low', else: 'to-else' });
    expect(store.getState().nodes.map((node) => node.id)).toContain('to-high');
    expect(store.getState().edges.map((edge) => edge.id)).toContain('e-trigger');

    store.getState().undo();
    expect(store.getState().graph()).toEqual(routedGraph());
  });

  it('makes removing a route its own undo step, even right after typing in the form', () => {
    const store = createEditorStore({ graph: routedGraph() });
    retype(store, 1, 'later');
    setRoutes(store, withoutItem(routesOf(store), 0));
    expect(outgoing(store)).toEqual({ later: 'to-low', else: 'to-else' });
    store.getState().undo();
    expect(outgoing(store)).toEqual({ high: 'to-high', later: 'to-low', else: 'to-else' });
    store.getState().undo();
    expect(store.getState().graph()).toEqual(routedGraph());
  });

  it('keeps edges with their routes when routes move', () => {
    const store = createEditorStore({ graph: routedGraph() });
    setRoutes(store, movedItem(routesOf(store), 1, 0));
    const check = store.getState().nodes.find((node) => node.id === 'check');
    expect(check && nodeHandles(check.data)).toEqual(['low', 'high', 'else']);
    expect(outgoing(store)).toEqual(start);
    expect(store.getState().compiled.ok).toBe(true);
    // A route renamed after moving still takes its edge along.
    retype(store, 0, 'minor');
    expect(outgoing(store)).toEqual({ high: 'to-high', minor: 'to-low', else: 'to-else' });
  });

  it('leaves edges alone when adding a route', () => {
    const store = createEditorStore({ graph: routedGraph() });
    setRoutes(store, [...routesOf(store), { id: 'route-3', label: 'Route 3', when: '{{ true }}' }]);
    expect(outgoing(store)).toEqual(start);
    expect(store.getState().past).toHaveLength(1);
  });
});

describe('editor store: edges follow other outputs set by params', () => {
  it('drops the timed-out edge of a wait when a timeout becomes an error, and undo brings it back', () => {
    const store = createEditorStore({ graph: reviewWorkflow(), catalog: reviewCatalog() });
    const waitEdges = () =>
      store
        .getState()
        .edges.filter((edge) => edge.source === 'wait-resolved')
        .map((edge) => edge.sourceHandle);
    store
      .getState()
      .updateNodeParams('wait-resolved', { ...paramsOf(store, 'wait-resolved'), 'error-on-timeout': true });
    expect(waitEdges()).toEqual(['matched']);
    store.getState().undo();
    expect(waitEdges()).toEqual(['matched', 'timed-out']);
    expect(store.getState().graph()).toEqual(reviewWorkflow());
  });
});
