import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  initialTemplateForm,
  moved,
  slaSeconds,
  splitChoices,
  toTemplateRequestBody,
  withField,
  withNewField,
  withNewStatus,
  withStatus,
  type FieldRow,
  type TemplateFormState,
} from '../../src/case-setup/template-form-state.ts';
import { templateSlots, validateTemplateRequest } from '../../src/case-setup/template-validation.ts';

const example = JSON.parse(
  readFileSync(new URL('../../../../examples/review-workflow/case-template.json', import.meta.url), 'utf8'),
) as { name: string; key: string; 'field-schemas': unknown[] };

/** The form with a name, a key and the given fields typed in, statuses as prefilled. */
function filled(fields: Omit<FieldRow, 'id'>[] = [], patch: Partial<TemplateFormState> = {}): TemplateFormState {
  let state: TemplateFormState = { ...initialTemplateForm(), name: ' KYC review ', key: 'KYC', ...patch };
  for (const field of fields) {
    state = withNewField(state);
    state = withField(state, state.nextRowId - 1, field);
  }
  return state;
}

const field = (key: string, type: FieldRow['type'], label = '', required = false, choices = '') => ({
  key,
  type,
  label,
  required,
  choices,
});

/** The canonical review workflow's template, typed into the form as a user would. */
const reviewFields = [
  field('amount', 'number', 'Amount', true),
  field('country', 'choice', 'Country', false, 'DE, FR, US'),
  field('risk', 'choice', 'Risk', false, 'low,high'),
  field('review-started', 'boolean', 'Review started'),
  field('notes', 'string-array', 'Notes'),
  field('decision', 'choice', 'Decision', false, 'approved, declined'),
];

const problemsAt = (state: TemplateFormState, slot: string) => {
  const result = validateTemplateRequest(toTemplateRequestBody(state));
  return result.ok ? [] : (result.errors.bySlot.get(slot) ?? []);
};

describe('the New template form → POST /case-templates body', () => {
  it('starts with the common statuses, so a name and a key make a valid template', () => {
    const result = validateTemplateRequest(toTemplateRequestBody(filled()));
    expect(result).toEqual({
      ok: true,
      request: {
        data: {
          attributes: {
            name: 'KYC review',
            key: 'KYC',
            statuses: [
              { name: 'open', type: 'initial' },
              { name: 'in-review', type: 'intermediate' },
              { name: 'approved', type: 'end' },
              { name: 'declined', type: 'end' },
            ],
            'field-schemas': [],
            'default-sla-seconds': null,
            'sla-breach-queue-id': null,
          },
        },
      },
    });
  });

  it("sends the review example's fields as the example file has them (labels, required, choices)", () => {
    const body = toTemplateRequestBody(filled(reviewFields));
    const result = validateTemplateRequest(body);
    expect(result.ok).toBe(true);
    // The example leaves `required` out where it is false; the form always says it.
    const expected = example['field-schemas'].map((each) => ({ required: false, ...(each as object) }));
    expect(body.data.attributes['field-schemas']).toEqual(expected);
  });

  it('leaves out an empty label and the choices of types without choices, keeping the typed choices', () => {
    const state = filled([field('note', 'choice', '  ', false, 'a, b')]);
    const retyped = withField(state, state.nextRowId - 1, { type: 'string' });
    expect(toTemplateRequestBody(retyped).data.attributes['field-schemas']).toEqual([
      { key: 'note', type: 'string', required: false },
    ]);
    expect(retyped.fields[0]?.choices).toBe('a, b');
  });

  it('turns the SLA into seconds, in hours or days, and names the breach queue', () => {
    const attributes = toTemplateRequestBody(filled([], { slaAmount: '1.5', slaUnit: 'hours', breachQueueId: 'cq_1' }))
      .data.attributes;
    expect(attributes['default-sla-seconds']).toBe(5400);
    expect(attributes['sla-breach-queue-id']).toBe('cq_1');
    expect(slaSeconds('2', 'days')).toBe(172_800);
    expect(slaSeconds(' ', 'days')).toBeNull();
    expect(slaSeconds('two', 'days')).toBeNaN();
  });

  it('splits choices on commas, trimming and dropping empty ones', () => {
    expect(splitChoices(' DE, FR ,,US, ')).toEqual(['DE', 'FR', 'US']);
  });

  it('adds, edits and moves rows by their ids', () => {
    let state = withNewStatus(initialTemplateForm());
    const added = state.statuses.at(-1);
    expect(added).toMatchObject({ name: '', type: 'intermediate' });
    state = withStatus(state, added?.id ?? -1, { name: 'escalated' });
    expect(state.statuses.map((status) => status.name)).toEqual([
      'open',
      'in-review',
      'approved',
      'declined',
      'escalated',
    ]);
    expect(moved(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moved(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
  });
});

describe('validating the form with the shared schema and template rules', () => {
  it('puts a lower-case key next to the key, with the rule', () => {
    expect(problemsAt(filled([], { key: 'kyc' }), templateSlots.key)).toEqual([
      'must be 1–16 upper-case letters or digits, starting with a letter',
    ]);
  });

  it('says what is missing in plain words', () => {
    const state = filled([field('', 'choice'), field(' ', 'string')], { name: '' });
    expect(problemsAt(state, templateSlots.name)).toEqual(['is required']);
    // Not the key pattern, nor 'duplicate field key ""' for the second empty key: just missing.
    expect(problemsAt(state, templateSlots.field(0, 'key'))).toEqual(['is required']);
    expect(problemsAt(state, templateSlots.field(1, 'key'))).toEqual(['is required']);
    expect(problemsAt(state, templateSlots.field(0, 'choices'))).toEqual([
      'needs at least one choice (comma-separated)',
    ]);
  });

  it('reports the lifecycle rules at the statuses and duplicates at their row', () => {
    let state = filled();
    const [open, review] = state.statuses;
    state = withStatus(state, open?.id ?? -1, { type: 'end' });
    state = withStatus(state, review?.id ?? -1, { name: 'Approved' });
    expect(problemsAt(state, templateSlots.statuses)).toEqual(['must have exactly one initial status (has 0)']);
    expect(problemsAt(state, templateSlots.status(2, 'name'))).toEqual([
      'duplicate status "approved" (names are unique ignoring case)',
    ]);
  });

  it('reports duplicate field keys at their input, and takes camelCase keys and Persona-style status names', () => {
    let state = filled([field('amount', 'number'), field('amount', 'string'), field('userId', 'string')]);
    state = withStatus(state, state.statuses[1]?.id ?? -1, { name: 'Pending Review ' });
    expect(problemsAt(state, templateSlots.field(1, 'key'))).toEqual(['duplicate field key "amount"']);
    expect(problemsAt(state, templateSlots.field(2, 'key'))).toEqual([]);
    // Typed with a trailing space: the form sends it trimmed.
    expect(problemsAt(state, templateSlots.status(1, 'name'))).toEqual([]);
  });

  it('explains an SLA that is not a positive number of hours or days up to 90 days', () => {
    const problem = ['must be a positive number of hours or days, at most 90 days'];
    expect(problemsAt(filled([], { slaAmount: 'soon' }), templateSlots.sla)).toEqual(problem);
    expect(problemsAt(filled([], { slaAmount: '91', slaUnit: 'days' }), templateSlots.sla)).toEqual(problem);
    expect(problemsAt(filled([], { slaAmount: '90', slaUnit: 'days' }), templateSlots.sla)).toEqual([]);
  });
});
