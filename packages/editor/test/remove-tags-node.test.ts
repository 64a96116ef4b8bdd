import { compile } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { nodeHandles } from '../src/graph/node-handles.ts';
import { nodeSummary } from '../src/nodes/node-summary.ts';
import { nodeTypes } from '../src/nodes/node-types.ts';
import { paramsForm } from '../src/inspector/schema/params-form.ts';
import { filterKinds } from '../src/palette/filter-kinds.ts';
import { infoOf } from '../src/graph/kind-info.ts';
import { createEditorStore } from '../src/store/create-editor-store.ts';
import { reviewWorkflow } from './fixtures/review-workflow.ts';

// A kind the editor knows only from its shared definition (packages/shared/src/nodes/case.remove-tags.node.ts).
describe('the Remove tags node', () => {
  it('is in the palette among the case actions, found by its words', () => {
    const actions = filterKinds('').find((group) => group.role === 'action');
    expect(actions?.kinds).toContain('case.remove-tags');
    expect(filterKinds('remove tags').flatMap((group) => group.kinds)).toEqual(['case.remove-tags']);
    expect(infoOf('case.remove-tags')).toEqual({
      title: 'Remove tags',
      description: 'Removes tags from a case',
      idBase: 'remove-tags',
    });
    expect(nodeTypes['case.remove-tags']).toBe(nodeTypes['case.add-tags']);
  });

  it('has an inspector form: the case, a list of tags (expressions allowed), and the action options', () => {
    const form = paramsForm('case.remove-tags');
    if (form?.kind !== 'object') throw new Error('object form expected');
    expect(form.properties.map((property) => property.key)).toEqual(['case', 'tags', 'continue-on-error', 'retry']);
    const tags = form.properties.find((property) => property.key === 'tags');
    expect(tags).toMatchObject({ required: true, field: { kind: 'list', minItems: 1, maxItems: 100 } });
  });

  it('added after a case step acts on its case, shows its tags and one next output, and its params are valid once it has tags', () => {
    const store = createEditorStore({ graph: reviewWorkflow() });
    const id = store.getState().addNode('case.remove-tags', { x: 0, y: 0 }, { after: 'create-case' });
    const added = store
      .getState()
      .graph()
      .nodes.find((candidate) => candidate.id === id);
    expect(id).toBe('remove-tags');
    expect(added).toMatchObject({ label: 'Remove tags', params: { case: { node: 'create-case' }, tags: [] } });
    expect(nodeSummary('case.remove-tags', added?.params ?? {})).toEqual(['no tags', 'case of create-case']);
    expect(nodeSummary('case.remove-tags', { case: { node: 'x' }, tags: ['vip', '{{ trigger.tag }}'] })).toEqual([
      '− vip, {{ trigger.tag }}',
      'case of x',
    ]);
    expect(nodeHandles({ kind: 'case.remove-tags', params: added?.params ?? {} })).toEqual(['next']);

    const graph = store.getState().graph();
    const issuesOf = (candidate: typeof graph) =>
      compile(candidate, { templates: [], queues: [] }).issues.filter((found) => found['node-id'] === id);
    expect(issuesOf(graph).map((found) => found.code)).toContain('invalid-params');
    const tagged = {
      ...graph,
      nodes: graph.nodes.map((candidate) =>
        candidate.id === id ? { ...candidate, params: { ...candidate.params, tags: ['vip'] } } : candidate,
      ),
    };
    // Its params are complete; where it sits in the flow is the compiler's other business.
    expect(issuesOf(tagged).map((found) => found.code)).not.toContain('invalid-params');
  });
});
