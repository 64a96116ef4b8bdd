/** Labels for params keys whose plain spelling reads badly; other keys are humanized. */
const knownLabels: Record<string, string> = {
  'case-template-id': 'Case template',
  'case-queue-id': 'Queue',
  'workflow-id': 'Workflow',
  'wait-for-result': 'Wait for its result',
  'object-ids': 'Object ids',
  'creator-email-address': 'Creator email',
  'user-email-address': 'Assignee email',
  'continue-on-error': 'Continue on error',
  'max-attempts': 'Max attempts',
  'initial-interval': 'First retry after',
  'error-on-timeout': 'Fail the run on timeout',
  sla: 'SLA',
  op: 'Operation',
  id: 'Id',
  when: 'When',
  url: 'URL',
};

/** Labels of keys that mean something else in other kinds: a comment's `body` is its text, an HTTP request's is not. */
const kindLabels: Record<string, Record<string, string>> = {
  'case.add-comment': { body: 'Comment' },
};

/**
 * `case-queue-id` → `Queue`, `error-on-timeout` → `Fail the run on timeout`, `amount` → `Amount`; `kind`, the node
 * kind whose form shows the key, when known.
 */
export function fieldLabel(key: string, kind?: string): string {
  const known = (kind === undefined ? undefined : kindLabels[kind]?.[key]) ?? knownLabels[key];
  if (known !== undefined) return known;
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What one item of a list under `key` is called: `routes` → `Route`, `branches` → `Branch`, `object-ids` → `Object id`. */
export function itemLabel(key: string): string {
  const label = fieldLabel(key);
  if (/(ch|sh|x)es$/.test(label)) return label.slice(0, -2);
  return label.endsWith('s') && !label.endsWith('ss') ? label.slice(0, -1) : label;
}
