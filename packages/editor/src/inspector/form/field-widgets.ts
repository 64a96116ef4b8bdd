import type { FieldDescriptor } from '../schema/field-descriptor.ts';
import { matchesPath, type FormPath } from './form-path.ts';

/** Domain-specific controls that replace the generic one for a params path. */
export type WidgetName =
  | 'template'
  | 'queue'
  | 'workflow'
  | 'status'
  | 'case-fields'
  | 'template-field'
  | 'case-ref'
  | 'case-events'
  | 'duration'
  | 'payload-schema'
  | 'long-text'
  | 'secret'
  | 'time-zone'
  | 'variable';

interface WidgetRule {
  widget: WidgetName;
  /** Params path; `*` matches any list index or record key. */
  path: readonly string[];
  /** Only for these kinds; every kind when absent. */
  kinds?: readonly string[];
}

/** The custom widgets, by params path (and kind where one key means different things in different kinds). */
const widgetRules: readonly WidgetRule[] = [
  { widget: 'template', path: ['case-template-id'] },
  { widget: 'queue', path: ['case-queue-id'] },
  { widget: 'workflow', path: ['workflow-id'], kinds: ['flow.run-workflow'] },
  { widget: 'case-ref', path: ['case'] },
  { widget: 'status', path: ['status'], kinds: ['case.set-status'] },
  { widget: 'case-fields', path: ['fields'], kinds: ['case.create'] },
  { widget: 'payload-schema', path: ['fields'], kinds: ['trigger.api'] },
  { widget: 'template-field', path: ['operations', '*', 'field'], kinds: ['case.update-fields'] },
  { widget: 'case-events', path: ['events'], kinds: ['wait.case'] },
  { widget: 'long-text', path: ['body'], kinds: ['case.add-comment'] },
  { widget: 'secret', path: ['signature', 'secret'], kinds: ['http.request'] },
  { widget: 'secret', path: ['secret-headers', '*'], kinds: ['http.request'] },
  { widget: 'time-zone', path: ['schedule', 'time-zone'], kinds: ['trigger.schedule'] },
  { widget: 'variable', path: ['operations', '*', 'variable'], kinds: ['data.set-variables'] },
];

/** `{ amount, unit }` with a whole amount and a unit select: every duration and SLA of the catalog. */
export function isDuration(field: FieldDescriptor): boolean {
  if (field.kind !== 'object' || field.properties.length !== 2) return false;
  const amount = field.properties.find((property) => property.key === 'amount')?.field;
  const unit = field.properties.find((property) => property.key === 'unit')?.field;
  return amount?.kind === 'number' && unit?.kind === 'enum';
}

/** The custom widget for the value at `path` of a `kind` node's params, or null for the generic control. */
export function widgetFor(kind: string, path: FormPath, field: FieldDescriptor): WidgetName | null {
  const rule = widgetRules.find(
    (candidate) => (!candidate.kinds || candidate.kinds.includes(kind)) && matchesPath(path, candidate.path),
  );
  if (rule) return rule.widget;
  return isDuration(field) ? 'duration' : null;
}
