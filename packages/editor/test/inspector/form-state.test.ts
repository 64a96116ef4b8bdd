import { compile, type Graph } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { formPointers } from '../../src/inspector/form/form-pointers.ts';
import { paramsPointer } from '../../src/inspector/form/form-path.ts';
import { movedItem, renameKey, switchVariant, withProperty, withoutItem } from '../../src/inspector/form/immutable.ts';
import { issueMessage } from '../../src/inspector/form/issue-message.ts';
import { placeIssues } from '../../src/inspector/form/issue-placement.ts';
import { newListItem } from '../../src/inspector/form/new-item.ts';
import type { UnionDescriptor } from '../../src/inspector/schema/field-descriptor.ts';
import { initialValue } from '../../src/inspector/schema/initial-value.ts';
import { paramsForm } from '../../src/inspector/schema/params-form.ts';
import { reviewSetup } from './helpers.ts';

const operationUnion = (): UnionDescriptor => {
  const operations = paramsForm('case.update-fields')?.properties.find((p) => p.key === 'operations')?.field;
  if (operations?.kind !== 'list' || operations.item.kind !== 'union') throw new Error('union expected');
  return operations.item;
};

describe('editing values', () => {
  it('switches a field operation between variants, keeping what both share', () => {
    const union = operationUnion();
    const set = { field: 'notes', op: 'set', value: 'x' };
    expect(switchVariant(set, union, 'push')).toEqual({ field: 'notes', op: 'push', value: 'x' });
    expect(switchVariant(set, union, 'unset')).toEqual({ field: 'notes', op: 'unset' });
    expect(switchVariant({ field: 'notes', op: 'unset' }, union, 'set')).toEqual({
      field: 'notes',
      op: 'set',
      value: '',
    });
    expect(initialValue(union)).toEqual({ op: 'unset', field: '' });
  });

  it('adds, removes, renames and reorders without touching the rest', () => {
    expect(withProperty({ a: 1, b: 2 }, 'a', undefined)).toEqual({ b: 2 });
    expect(withProperty({ a: 1 }, 'b', 2)).toEqual({ a: 1, b: 2 });
    expect(Object.keys(renameKey({ a: 1, b: 2, c: 3 }, 'b', 'z'))).toEqual(['a', 'z', 'c']);
    expect(renameKey({ a: 1, b: 2 }, 'a', 'b')).toEqual({ a: 1, b: 2 });
    expect(movedItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(movedItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
    expect(withoutItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('gives new condition routes and payload fields fresh ids and keys', () => {
    const routes = [{ id: 'route-1' }, { id: 'route-3' }];
    expect(newListItem('logic.condition', ['routes'], { kind: 'json' }, routes)).toEqual({
      id: 'route-2',
      label: 'Route 2',
      when: '{{ true }}',
    });
    expect(newListItem('trigger.api', ['fields'], { kind: 'json' }, [{ key: 'field-1' }])).toEqual({
      key: 'field-2',
      type: 'string',
      required: false,
    });
    expect(newListItem('case.update-fields', ['operations'], operationUnion(), [])).toEqual({
      field: '',
      op: 'set',
      value: '',
    });
    expect(newListItem('case.add-tags', ['tags'], { kind: 'value' }, ['a'])).toBe('');
  });
});

describe('compile issues next to their fields', () => {
  const broken = (): Graph => {
    const { graph } = reviewSetup();
    const patch: Record<string, Record<string, unknown>> = {
      'create-case': { fields: { amount: 'lots', risk: 'high', colour: 'red' }, sla: { amount: 0, unit: 'hours' } },
      'record-approval': { operations: [{ field: 'decision', op: 'set', value: '{{ trigger.amount + }}' }] },
    };
    return {
      ...graph,
      nodes: graph.nodes.map((node) =>
        patch[node.id] ? { ...node, params: { ...node.params, ...patch[node.id] } } : node,
      ),
    };
  };

  const placedFor = (graph: Graph, id: string) => {
    const node = graph.nodes.find((candidate) => candidate.id === id);
    const form = paramsForm(node?.kind ?? '');
    if (!node || !form) throw new Error('node expected');
    const issues = compile(graph, reviewSetup().catalog).issues.filter((found) => found['node-id'] === id);
    return placeIssues(issues, formPointers(node.kind, form, node.params));
  };

  it('puts each issue at the deepest control its path points into', () => {
    const graph = broken();
    // The SLA's amount has no control of its own: its issue sits with the duration control.
    const sla = placedFor(graph, 'create-case');
    expect([...sla.byPointer.keys()]).toEqual(['/params/sla']);

    const fixedSla = {
      ...graph,
      nodes: graph.nodes.map((node) =>
        node.id === 'create-case' ? { ...node, params: { ...node.params, sla: { amount: 2, unit: 'hours' } } } : node,
      ),
    };
    const fields = placedFor(fixedSla, 'create-case');
    expect(fields.byPointer.get('/params/fields/amount')?.map((found) => found.code)).toEqual(['field-type-mismatch']);
    expect(fields.byPointer.get('/params/fields/colour')?.map((found) => found.code)).toEqual(['unknown-field']);
    expect(fields.top).toEqual([]);

    const operation = placedFor(graph, 'record-approval');
    expect(operation.byPointer.get('/params/operations/0/value')?.map((found) => found.code)).toEqual([
      'expression-syntax',
    ]);
  });

  it("puts a payload field's issues on its row and the list's on the list", () => {
    const { graph } = reviewSetup();
    const trigger: Graph = {
      ...graph,
      nodes: graph.nodes.map((node) =>
        node.id === 'trigger'
          ? {
              ...node,
              params: {
                fields: [
                  { key: 'Bad Key', type: 'string' },
                  { key: 'a', type: 'string' },
                  { key: 'a', type: 'number' },
                ],
              },
            }
          : node,
      ),
    };
    const placed = placedFor(trigger, 'trigger');
    expect([...placed.byPointer.keys()].sort()).toEqual(['/params/fields', '/params/fields/0/key']);
    expect(placed.top).toEqual([]);
  });

  it('puts issues about the node as a whole at the top', () => {
    const { graph } = reviewSetup();
    const lonely: Graph = {
      ...graph,
      nodes: [
        ...graph.nodes,
        {
          id: 'stray',
          kind: 'case.add-tags',
          version: 1,
          position: { x: 0, y: 0 },
          params: { case: { node: 'create-case' }, tags: ['x'], colour: 1 },
        },
      ],
    };
    const placed = placedFor(lonely, 'stray');
    expect(placed.top.map((found) => found.code)).toContain('invalid-params');
    expect(placed.byPointer.size).toBe(0);
  });

  it("says zod's empty-value messages plainly, and leaves other messages alone", () => {
    const { graph } = reviewSetup();
    const empty: Graph = {
      ...graph,
      nodes: [
        ...graph.nodes,
        {
          id: 'blank',
          kind: 'case.set-status',
          version: 1,
          position: { x: 0, y: 0 },
          params: { case: { node: 'create-case' }, status: '' },
        },
        {
          id: 'none',
          kind: 'case.update-fields',
          version: 1,
          position: { x: 0, y: 0 },
          params: { case: { node: 'create-case' }, operations: [] },
        },
      ],
    };
    const messages = compile(empty, reviewSetup().catalog)
      .issues.filter((found) => found.code === 'invalid-params')
      .map((found) => `${found['node-id'] ?? ''}${found.path ?? ''}: ${issueMessage(found)}`);
    expect(messages).toEqual(['blank/params/status: Required', 'none/params/operations: Add at least one']);
    expect(
      issueMessage({
        code: 'unknown-field',
        severity: 'error',
        message: 'Too small: expected string to have >=1 characters',
      }),
    ).toBe('Too small: expected string to have >=1 characters');
  });

  it('escapes pointer segments as compile does', () => {
    expect(paramsPointer(['fields', 'a/b', 0])).toBe('/params/fields/a~1b/0');
  });
});
