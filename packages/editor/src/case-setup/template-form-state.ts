import type { FieldType, StatusType } from '@casework/shared';

/** One status row of the form. `id` keeps React's rows (and their focus) attached when rows move. */
export interface StatusRow {
  id: number;
  name: string;
  type: StatusType;
}

/** One field row. `choices` is the text typed (`DE, FR, US`); it stays while the type changes back and forth. */
export interface FieldRow {
  id: number;
  key: string;
  type: FieldType;
  label: string;
  required: boolean;
  choices: string;
}

export type SlaUnit = 'hours' | 'days';

/** What the "New template" form holds: text as typed, turned into a request body only when it is needed. */
export interface TemplateFormState {
  name: string;
  key: string;
  statuses: StatusRow[];
  fields: FieldRow[];
  slaAmount: string;
  slaUnit: SlaUnit;
  /** `''` for none. */
  breachQueueId: string;
  nextRowId: number;
}

export const slaUnitSeconds: Record<SlaUnit, number> = { hours: 3600, days: 86_400 };

/** The statuses most review processes use, so the common template is a name and a key away. */
const commonStatuses: readonly Omit<StatusRow, 'id'>[] = [
  { name: 'open', type: 'initial' },
  { name: 'in-review', type: 'intermediate' },
  { name: 'approved', type: 'end' },
  { name: 'declined', type: 'end' },
];

export function initialTemplateForm(): TemplateFormState {
  return {
    name: '',
    key: '',
    statuses: commonStatuses.map((status, id) => ({ id, ...status })),
    fields: [],
    slaAmount: '',
    slaUnit: 'days',
    breachQueueId: '',
    nextRowId: commonStatuses.length,
  };
}

export const hasChoices = (type: FieldType) => type === 'choice' || type === 'multi-choice';

/** `DE, FR ,US` → `['DE', 'FR', 'US']`; empty entries are dropped. */
export function splitChoices(text: string): string[] {
  return text
    .split(',')
    .map((choice) => choice.trim())
    .filter((choice) => choice !== '');
}

/**
 * The SLA in seconds: null when left empty, NaN when the text is not a positive number (validation says so).
 * Fractions are fine (1.5 hours); the API wants whole seconds.
 */
export function slaSeconds(amount: string, unit: SlaUnit): number | null {
  const text = amount.trim();
  if (text === '') return null;
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  return Math.round(value * slaUnitSeconds[unit]);
}

/**
 * The `POST /case-templates` body the form stands for, built even from invalid input: validation runs the
 * shared schema on exactly what would be sent, and its issue paths are this body's pointers.
 */
export function toTemplateRequestBody(state: TemplateFormState) {
  return {
    data: {
      attributes: {
        name: state.name.trim(),
        key: state.key.trim(),
        statuses: state.statuses.map(({ name, type }) => ({ name: name.trim(), type })),
        'field-schemas': state.fields.map(({ key, type, label, required, choices }) => ({
          key: key.trim(),
          type,
          ...(label.trim() === '' ? {} : { label: label.trim() }),
          required,
          ...(hasChoices(type) ? { config: { choices: splitChoices(choices) } } : {}),
        })),
        'default-sla-seconds': slaSeconds(state.slaAmount, state.slaUnit),
        'sla-breach-queue-id': state.breachQueueId === '' ? null : state.breachQueueId,
      },
    },
  };
}

export type TemplateRequestBody = ReturnType<typeof toTemplateRequestBody>;

// Row edits, kept pure so the form components only say which row and what changed.

export function withStatus(state: TemplateFormState, id: number, patch: Partial<Omit<StatusRow, 'id'>>) {
  return { ...state, statuses: state.statuses.map((row) => (row.id === id ? { ...row, ...patch } : row)) };
}

export function withField(state: TemplateFormState, id: number, patch: Partial<Omit<FieldRow, 'id'>>) {
  return { ...state, fields: state.fields.map((row) => (row.id === id ? { ...row, ...patch } : row)) };
}

export function withNewStatus(state: TemplateFormState): TemplateFormState {
  const row: StatusRow = { id: state.nextRowId, name: '', type: 'intermediate' };
  return { ...state, statuses: [...state.statuses, row], nextRowId: state.nextRowId + 1 };
}

export function withNewField(state: TemplateFormState): TemplateFormState {
  const row: FieldRow = { id: state.nextRowId, key: '', type: 'string', label: '', required: false, choices: '' };
  return { ...state, fields: [...state.fields, row], nextRowId: state.nextRowId + 1 };
}

/** `rows` with the item at `from` moved to `to`; unchanged when either is out of range. */
export function moved<T>(rows: readonly T[], from: number, to: number): T[] {
  const next = [...rows];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length || from === to) return next;
  const [row] = next.splice(from, 1) as [T];
  next.splice(to, 0, row);
  return next;
}

export const removed = <T>(rows: readonly T[], index: number): T[] => rows.filter((_, at) => at !== index);
