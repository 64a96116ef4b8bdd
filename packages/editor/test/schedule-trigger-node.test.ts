import { compile } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { nodeHandles } from '../src/graph/node-handles.ts';
import { infoOf } from '../src/graph/kind-info.ts';
import { widgetFor } from '../src/inspector/form/field-widgets.ts';
import { paramsForm } from '../src/inspector/schema/params-form.ts';
import { nodeSummary } from '../src/nodes/node-summary.ts';
import { filterKinds } from '../src/palette/filter-kinds.ts';
import { createEditorStore } from '../src/store/create-editor-store.ts';

// A kind the editor knows from its shared definition (packages/shared/src/nodes/trigger.schedule.node.ts), plus one
// widget: the time zone's suggestions.
describe('the Schedule trigger node', () => {
  it('is in the palette among the triggers, found by its words', () => {
    const triggers = filterKinds('').find((group) => group.role === 'trigger');
    expect(triggers?.kinds).toContain('trigger.schedule');
    expect(filterKinds('schedule').flatMap((group) => group.kinds)).toEqual(['trigger.schedule']);
    expect(infoOf('trigger.schedule')).toMatchObject({ title: 'Schedule trigger', idBase: 'on-schedule' });
  });

  it('has a form choosing cron (expression, time zone with suggestions) or interval (a duration)', () => {
    const form = paramsForm('trigger.schedule');
    const schedule = form?.properties.find((property) => property.key === 'schedule')?.field;
    if (schedule?.kind !== 'union') throw new Error('a union expected');
    expect(schedule.discriminator).toBe('type');
    expect(schedule.variants.map((variant) => [variant.value, variant.properties.map((p) => p.key)])).toEqual([
      ['cron', ['expression', 'time-zone']],
      ['interval', ['every']],
    ]);
    const [cron, interval] = schedule.variants;
    const zone = cron?.properties.find((property) => property.key === 'time-zone')?.field;
    const every = interval?.properties.find((property) => property.key === 'every')?.field;
    if (!zone || !every) throw new Error('fields expected');
    expect(widgetFor('trigger.schedule', ['schedule', 'time-zone'], zone)).toBe('time-zone');
    expect(widgetFor('trigger.schedule', ['schedule', 'every'], every)).toBe('duration');
  });

  it('replaces the API trigger of a new workflow, shows its schedule on the canvas, and flags a bad cron', () => {
    const store = createEditorStore({ graph: { nodes: [], edges: [] } });
    const id = store.getState().addNode('trigger.schedule', { x: 0, y: 0 });
    const end = store.getState().addNode('end', { x: 200, y: 0 }, { after: id });
    const graph = store.getState().graph();
    const added = graph.nodes.find((candidate) => candidate.id === id);
    expect(added?.params).toEqual({ schedule: { type: 'cron', expression: '0 9 * * MON-FRI', 'time-zone': 'UTC' } });
    expect(nodeSummary('trigger.schedule', added?.params ?? {})).toEqual(['cron 0 9 * * MON-FRI', 'UTC']);
    expect(
      nodeSummary('trigger.schedule', { schedule: { type: 'interval', every: { amount: 2, unit: 'seconds' } } }),
    ).toEqual(['every 2 seconds']);
    expect(nodeHandles({ kind: 'trigger.schedule', params: added?.params ?? {} })).toEqual(['next']);
    expect(end).toBe('end');
    expect(compile(graph, { templates: [], queues: [] }).issues).toEqual([]);

    const withCron = (expression: string) => ({
      ...graph,
      nodes: graph.nodes.map((node) =>
        node.id === id ? { ...node, params: { schedule: { type: 'cron', expression, 'time-zone': 'UTC' } } } : node,
      ),
    });
    expect(compile(withCron('0 9 * * FUNDAY'), { templates: [], queues: [] }).issues).toEqual([
      expect.objectContaining({ code: 'invalid-params', 'node-id': id, path: '/params/schedule/expression' }),
    ]);
  });
});
