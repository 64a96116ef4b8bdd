import { nodeCatalog, validateTriggerPayload, type NodeParams, type WorkflowVersionResource } from '@casework/shared';

export type TriggerField = NodeParams<'trigger.api'>['fields'][number];

/** How a run can be started from the editor, read from the live version's plan. */
export type TriggerSpec =
  | { kind: 'api'; fields: TriggerField[] }
  | { kind: 'event'; event: string | null }
  | { kind: 'schedule' }
  | { kind: 'unknown'; reason: string };

export function triggerSpec(version: WorkflowVersionResource): TriggerSpec {
  const { plan } = version.attributes;
  const trigger = plan.steps[plan.trigger];
  if (trigger?.kind === 'trigger.event') return { kind: 'event', event: version.attributes['trigger-event'] };
  if (trigger?.kind === 'trigger.schedule') return { kind: 'schedule' };
  if (trigger?.kind !== 'trigger.api') return { kind: 'unknown', reason: 'The live version has no trigger.' };
  const params = nodeCatalog['trigger.api'].paramsSchema.safeParse(trigger.params);
  if (!params.success) return { kind: 'unknown', reason: "The live version's trigger fields could not be read." };
  return { kind: 'api', fields: params.data.fields };
}

export type FormInput = 'text' | 'number' | 'checkbox' | 'date' | 'datetime-local' | 'json' | 'list';
export type FormValues = Record<string, string | boolean>;

/** The form control of each field type, and what to tell the user about the expected value. */
export function formInputOf(field: TriggerField): { input: FormInput; hint: string | null; step?: string } {
  switch (field.type) {
    case 'number':
      return { input: 'number', hint: null, step: 'any' };
    case 'integer':
      return { input: 'number', hint: 'a whole number', step: '1' };
    case 'boolean':
      return { input: 'checkbox', hint: null };
    case 'date':
      return { input: 'date', hint: null };
    case 'datetime':
      return { input: 'datetime-local', hint: 'your local time' };
    case 'multi-choice':
    case 'string-array':
      return { input: 'list', hint: 'comma-separated' };
    case 'object':
      return { input: 'json', hint: 'a JSON object' };
    case 'string':
    case 'choice':
      return { input: 'text', hint: null };
  }
}

export function initialFormValues(fields: readonly TriggerField[]): FormValues {
  return Object.fromEntries(fields.map((field) => [field.key, field.type === 'boolean' ? false : '']));
}

export type PayloadResult =
  { ok: true; payload: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/**
 * The trigger payload from the form: each value converted to its field's type, blanks left out, then checked
 * with the same validation the API runs, so most mistakes show next to their field before anything is sent.
 */
export function payloadFromForm(fields: readonly TriggerField[], values: FormValues): PayloadResult {
  const payload: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.key];
    if (raw === undefined || raw === '') continue;
    const converted = convert(field, raw);
    if ('error' in converted) errors[field.key] = converted.error;
    else payload[field.key] = converted.value;
  }
  const checked = validateTriggerPayload(fields, payload);
  if (!checked.ok) {
    for (const issue of checked.issues) {
      const key = decodePointerKey(issue.pointer.split('/').at(-1) ?? '');
      errors[key] ??= issue.message.replace(`"${key}" `, '');
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, payload };
}

function convert(field: TriggerField, raw: string | boolean): { value: unknown } | { error: string } {
  if (typeof raw === 'boolean') return { value: raw };
  const text = raw.trim();
  switch (field.type) {
    case 'number':
    case 'integer': {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) return { error: 'must be a number' };
      return field.type === 'integer' && !Number.isInteger(value) ? { error: 'must be a whole number' } : { value };
    }
    case 'datetime': {
      const date = new Date(text);
      return Number.isNaN(date.getTime()) ? { error: 'must be a date and time' } : { value: date.toISOString() };
    }
    case 'multi-choice':
    case 'string-array':
      return {
        value: text
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      };
    case 'object':
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return { error: 'must be valid JSON' };
      }
    case 'boolean':
      return { value: text === 'true' };
    case 'string':
    case 'choice':
    case 'date':
      return { value: raw };
  }
}

function decodePointerKey(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}
