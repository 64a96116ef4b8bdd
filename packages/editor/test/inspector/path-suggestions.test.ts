import { describe, expect, it } from 'vitest';
import { completionsAt } from '../../src/inspector/expressions/completions.ts';
import { jsonataName, jsonataPath } from '../../src/inspector/expressions/jsonata-path.ts';
import { pathSuggestions } from '../../src/inspector/expressions/path-suggestions.ts';
import {
  applySuggestion,
  matchSuggestions,
  suggestionQuery,
} from '../../src/inspector/expressions/suggestion-query.ts';
import { eventTriggered, inspectorGraphOf, reviewSetup } from './helpers.ts';

const paths = (id: string, setup = reviewSetup()) =>
  pathSuggestions(id, setup.view, setup.catalog).map((suggestion) => suggestion.path);

describe('path suggestions', () => {
  it("offers the API trigger's payload keys, backticked when they hold a dash", () => {
    const found = paths('create-case');
    expect(found).toEqual(
      expect.arrayContaining([
        'trigger',
        'trigger.`inquiry-id`',
        'trigger.`report-id`',
        'trigger.amount',
        'trigger.country',
      ]),
    );
  });

  it('offers only steps that may run before the node, nearest first, with their output shapes', () => {
    const found = paths('check-status');
    expect(found).toEqual(
      expect.arrayContaining([
        'steps.`wait-resolved`',
        'steps.`wait-resolved`.event.name',
        'steps.`wait-resolved`.case.status',
        'steps.`wait-resolved`.case.`sla-expires-at`',
        'steps.`start-review`.case.id',
        'steps.`create-case`.case.name',
        'steps.`check-amount`.route',
        'steps.trigger.`inquiry-id`',
      ]),
    );
    const steps = new Set(found.filter((path) => path.startsWith('steps.')).map((path) => path.split('.')[1]));
    expect([...steps]).toEqual([
      '`wait-resolved`',
      '`start-review`',
      'attach',
      '`create-case`',
      '`check-amount`',
      'trigger',
    ]);
    // Downstream and sibling nodes are not readable, nor the node itself.
    expect(found.some((path) => path.includes('record-approval') || path.includes('check-status'))).toBe(false);
  });

  it("fills a case's fields from the template its case comes from", () => {
    const found = pathSuggestions('check-status', reviewSetup().view, reviewSetup().catalog);
    const field = found.find((suggestion) => suggestion.path === 'steps.`wait-resolved`.case.fields.`review-started`');
    expect(field).toMatchObject({ type: 'boolean', source: 'Wait for the decision' });
    expect(found.find((s) => s.path === 'steps.`create-case`.case.fields.amount')?.type).toBe('number');
    expect(found.find((s) => s.path === 'steps.`wait-resolved`.event')?.type).toBe('object or null');
    expect(found.find((s) => s.path === 'steps.`wait-resolved`.case.`resolved-at`')?.type).toBe('string or null');
    // Without a catalog the fields are unknown: only the record itself is offered.
    const blind = pathSuggestions('check-status', reviewSetup().view, { templates: [], queues: [] });
    expect(blind.some((s) => s.path.startsWith('steps.`create-case`.case.fields.'))).toBe(false);
    expect(blind.some((s) => s.path === 'steps.`create-case`.case.fields')).toBe(true);
  });

  it("offers an event trigger's event and case", () => {
    const setup = reviewSetup();
    const view = inspectorGraphOf(eventTriggered(setup.graph));
    const found = pathSuggestions('check-amount', view, setup.catalog).map((s) => s.path);
    expect(found).toEqual(
      expect.arrayContaining(['trigger.event.name', 'trigger.event.at', 'trigger.case.status', 'trigger.case.fields']),
    );
    expect(found).not.toContain('trigger.amount');
  });

  it('offers a wait its end time and nothing from an end node', () => {
    const view = inspectorGraphOf({
      nodes: [
        { id: 'start', kind: 'trigger.api', version: 1, position: { x: 0, y: 0 }, params: { fields: [] } },
        { id: 'pause', kind: 'wait.duration', version: 1, position: { x: 0, y: 0 }, params: {} },
        { id: 'then', kind: 'case.add-comment', version: 1, position: { x: 0, y: 0 }, params: {} },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'pause' },
        { id: 'b', source: 'pause', target: 'then' },
      ],
    });
    expect(pathSuggestions('then', view, { templates: [], queues: [] }).map((s) => s.path)).toEqual([
      'trigger',
      'steps.pause',
      'steps.pause.`waited-until`',
      'steps.start',
    ]);
  });

  it('quotes JSONata names that are not plain identifiers', () => {
    expect(jsonataName('amount')).toBe('amount');
    expect(jsonataName('inquiry-id')).toBe('`inquiry-id`');
    expect(jsonataName('2fa')).toBe('`2fa`');
    expect(jsonataName('and')).toBe('`and`');
    expect(jsonataPath(['steps', 'create-case', 'case', 'id'])).toBe('steps.`create-case`.case.id');
  });
});

describe('typing a path', () => {
  const all = () => pathSuggestions('check-status', reviewSetup().view, reviewSetup().catalog);

  it('only suggests inside an open {{ … }}', () => {
    expect(suggestionQuery('plain text', 5)).toBeNull();
    expect(suggestionQuery('{{ a }} then', 11)).toBeNull();
    expect(suggestionQuery('Hi {{ trigger.am', 16)).toEqual({ start: 6, end: 16, plain: 'trigger.am' });
    expect(suggestionQuery('{{ steps.`create-', 17)).toEqual({ start: 3, end: 17, plain: 'steps.create-' });
    expect(suggestionQuery('{{ trigger.amount > 1 and ', 26)).toEqual({ start: 26, end: 26, plain: '' });
  });

  it('filters by what was typed, prefixes first', () => {
    const query = suggestionQuery('{{ steps.wait-resolved.case.st', 30);
    if (!query) throw new Error('query expected');
    expect(matchSuggestions(all(), query).map((s) => s.path)).toEqual(['steps.`wait-resolved`.case.status']);
    const loose = suggestionQuery('{{ inquiry', 10);
    if (!loose) throw new Error('query expected');
    expect(matchSuggestions(all(), loose).map((s) => s.path)).toEqual([
      'trigger.`inquiry-id`',
      'steps.trigger.`inquiry-id`',
    ]);
  });

  it('inserts the quoted path, closing the braces when they are missing', () => {
    const text = '{{ trigger.inq';
    const query = suggestionQuery(text, text.length);
    const suggestion = all().find((s) => s.path === 'trigger.`inquiry-id`');
    if (!query || !suggestion) throw new Error('query and suggestion expected');
    expect(applySuggestion(text, query, suggestion)).toEqual({
      text: '{{ trigger.`inquiry-id` }}',
      caret: '{{ trigger.`inquiry-id`'.length,
    });
    const closed = 'Case {{ trigger.inq }} done';
    const inside = suggestionQuery(closed, 'Case {{ trigger.inq'.length);
    if (!inside) throw new Error('query expected');
    expect(applySuggestion(closed, inside, suggestion).text).toBe('Case {{ trigger.`inquiry-id` }} done');
  });

  it("suggests a choice field's choices for a literal", () => {
    expect(completionsAt('a', 1, [], ['approved', 'declined']).map((c) => c.text)).toEqual(['approved']);
    expect(completionsAt('approved', 8, [], ['approved', 'declined'])).toEqual([]);
    expect(completionsAt('{{ x }}', 7, [], ['approved'])).toEqual([]);
    expect(completionsAt('{{ trigger.am', 13, all()).map((c) => c.label)).toEqual([
      'trigger.amount',
      'steps.trigger.amount',
    ]);
  });
});
