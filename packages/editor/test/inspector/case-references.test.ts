import type { Graph } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import {
  caseRefOptions,
  fieldOptions,
  queueOptions,
  statusOptions,
  templateOptions,
} from '../../src/inspector/catalog/catalog-options.ts';
import { valueHintAt } from '../../src/inspector/catalog/value-hints.ts';
import { caseTemplate, caseTemplateId } from '../../src/inspector/graph/case-template.ts';
import { caseSources, triggerFor } from '../../src/inspector/graph/upstream.ts';
import { eventTriggered, inspectorGraphOf, reviewSetup } from './helpers.ts';

const at = { x: 0, y: 0 };

describe("a case's template, through case references", () => {
  it('follows `case: { node }` back to the case.create that made the case', () => {
    const { view, catalog } = reviewSetup();
    for (const id of ['create-case', 'attach', 'start-review', 'wait-resolved', 'record-approval', 'escalate']) {
      expect(caseTemplateId(id, view)).toBe('$TEMPLATE_ID');
    }
    expect(caseTemplate('record-decline', view, catalog)?.key).toBe('KYC');
    expect(caseTemplateId('check-status', view)).toBeNull();
  });

  it('knows no template for an event trigger case, a broken chain, a cycle or a template not chosen yet', () => {
    const graph: Graph = {
      nodes: [
        { id: 'on-event', kind: 'trigger.event', version: 1, position: at, params: { event: 'case.created' } },
        { id: 'tag', kind: 'case.add-tags', version: 1, position: at, params: { case: { node: 'on-event' } } },
        { id: 'lost', kind: 'case.add-tags', version: 1, position: at, params: { case: { node: 'nowhere' } } },
        { id: 'a', kind: 'case.add-tags', version: 1, position: at, params: { case: { node: 'b' } } },
        { id: 'b', kind: 'case.add-tags', version: 1, position: at, params: { case: { node: 'a' } } },
        { id: 'fresh', kind: 'case.create', version: 1, position: at, params: { 'case-template-id': '' } },
        { id: 'unset', kind: 'case.add-tags', version: 1, position: at, params: { case: { node: '' } } },
      ],
      edges: [],
    };
    const view = inspectorGraphOf(graph);
    for (const id of ['on-event', 'tag', 'lost', 'a', 'b', 'fresh', 'unset'])
      expect(caseTemplateId(id, view)).toBeNull();
    // A template id the catalog doesn't have resolves to no template.
    const missing = inspectorGraphOf({
      nodes: [{ id: 'c', kind: 'case.create', version: 1, position: at, params: { 'case-template-id': 'gone' } }],
      edges: [],
    });
    expect(caseTemplateId('c', missing)).toBe('gone');
    expect(caseTemplate('c', missing, reviewSetup().catalog)).toBeNull();
  });

  it("offers the statuses and fields of the case's template", () => {
    const { view, catalog } = reviewSetup();
    const template = caseTemplate('record-approval', view, catalog);
    if (!template) throw new Error('template expected');
    expect(statusOptions(template, '')).toEqual([
      { value: 'open', label: 'open — initial' },
      { value: 'in-review', label: 'in-review' },
      { value: 'approved', label: 'approved — resolves the case' },
      { value: 'declined', label: 'declined — resolves the case' },
    ]);
    expect(statusOptions(template, 'closed').at(-1)).toEqual({
      value: 'closed',
      label: 'closed (not a status of KYC)',
    });
    expect(fieldOptions(template, 'decision').map((option) => option.value)).toEqual([
      'amount',
      'country',
      'risk',
      'review-started',
      'notes',
      'decision',
    ]);
    expect(fieldOptions(template, '')[0]).toEqual({ value: 'amount', label: 'Amount — number' });
  });

  it('types a value by the template field it is for (an item of a list for push and remove)', () => {
    const { view, catalog, graph } = reviewSetup();
    const template = caseTemplate('start-review', view, catalog);
    const params = graph.nodes.find((node) => node.id === 'start-review')?.params ?? {};
    expect(valueHintAt('case.update-fields', params, ['operations', 0, 'value'], template)).toEqual({
      type: 'boolean',
    });
    expect(valueHintAt('case.update-fields', params, ['operations', 1, 'value'], template)).toEqual({ type: 'string' });
    const create = graph.nodes.find((node) => node.id === 'create-case')?.params ?? {};
    expect(valueHintAt('case.create', create, ['fields', 'risk'], template)).toEqual({
      type: 'choice',
      choices: ['low', 'high'],
    });
    expect(valueHintAt('case.create', create, ['fields', 'nope'], template)).toBeUndefined();
    expect(valueHintAt('case.create', create, ['fields', 'risk'], null)).toBeUndefined();
  });
});

describe('case reference choices', () => {
  it('lists upstream nodes whose output carries a case, nearest first', () => {
    const { view } = reviewSetup();
    expect(caseSources('record-approval', view).map((node) => node.id)).toEqual([
      'wait-resolved',
      'start-review',
      'attach',
      'create-case',
    ]);
    expect(caseRefOptions('attach', view, 'create-case')).toEqual([
      { value: 'create-case', label: 'Create KYC case (create-case)' },
    ]);
  });

  it('keeps a current choice that is not upstream, saying why', () => {
    const { view } = reviewSetup();
    expect(caseRefOptions('attach', view, 'escalate').at(-1)).toEqual({
      value: 'escalate',
      label: 'escalate (does not run before this node)',
    });
    expect(caseRefOptions('attach', view, 'ghost').at(-1)).toEqual({ value: 'ghost', label: 'ghost (no such node)' });
  });

  it('counts an event trigger as a case source, and finds the trigger of unconnected nodes', () => {
    const view = inspectorGraphOf(eventTriggered(reviewSetup().graph));
    expect(caseSources('create-case', view).map((node) => node.id)).toEqual(['trigger']);
    const loose = inspectorGraphOf({
      nodes: [
        { id: 'start', kind: 'trigger.api', version: 1, position: at, params: { fields: [] } },
        { id: 'alone', kind: 'end', version: 1, position: at, params: {} },
      ],
      edges: [],
    });
    expect(triggerFor('alone', loose)?.id).toBe('start');
    expect(caseSources('alone', loose)).toEqual([]);
  });
});

describe('catalog pickers', () => {
  const catalog = {
    templates: [
      { id: 't-old', key: 'Legacy', statuses: [], fieldSchemas: [], status: 'archived' as const },
      { id: 't-kyc', key: 'KYC', statuses: [], fieldSchemas: [], status: 'active' as const },
      { id: 't-aml', key: 'AML', statuses: [], fieldSchemas: [], status: 'active' as const },
    ],
    queues: [
      { id: 'q-z', status: 'active' as const, name: 'Escalations' },
      { id: 'q-y', status: 'active' as const },
      { id: 'q-a', status: 'archived' as const, name: 'Old reviews' },
    ],
  };

  it('lists active templates first and marks archived ones', () => {
    expect(templateOptions(catalog, '')).toEqual([
      { value: 't-aml', label: 'AML' },
      { value: 't-kyc', label: 'KYC' },
      { value: 't-old', label: 'Legacy (archived)' },
    ]);
    expect(templateOptions(catalog, 't-gone').at(-1)).toEqual({
      value: 't-gone',
      label: 't-gone (not in the catalog)',
    });
  });

  it('lists queues the same way, by name with their id', () => {
    expect(queueOptions(catalog, '')).toEqual([
      { value: 'q-z', label: 'Escalations (q-z)' },
      { value: 'q-y', label: 'q-y' },
      { value: 'q-a', label: 'Old reviews (q-a) (archived)' },
    ]);
  });
});
