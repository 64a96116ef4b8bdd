import { isNodeKind, type CatalogSnapshot } from '@casework/shared';

type Params = Record<string, unknown>;

const MAX_LINE = 48;
const noCatalog: CatalogSnapshot = { templates: [], queues: [] };
const units: Record<string, [string, string]> = {
  seconds: ['second', 'seconds'],
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Params) : {};
const clip = (line: string) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line);

/** `2 hours`, `1 day`; undefined unless the value looks like `{ amount, unit }`. */
export function formatDuration(value: unknown): string | undefined {
  const { amount, unit } = record(value);
  const names = typeof unit === 'string' ? units[unit] : undefined;
  if (typeof amount !== 'number' || !names) return undefined;
  return `${amount} ${amount === 1 ? names[0] : names[1]}`;
}

/** `a, b, c +2`: the first few items, then how many more. */
function some(items: readonly string[], shown = 3): string | undefined {
  if (items.length === 0) return undefined;
  const more = items.length - shown;
  return `${items.slice(0, shown).join(', ')}${more > 0 ? ` +${more}` : ''}`;
}

function templateName(id: string | undefined, catalog: CatalogSnapshot): string | undefined {
  if (id === undefined) return undefined;
  return catalog.templates.find((template) => template.id === id)?.key ?? id;
}

const caseLine = (params: Params) => {
  const node = text(record(params.case).node);
  return node === undefined ? 'case: not chosen' : `case of ${node}`;
};

/** The one or two parameters that tell nodes of a kind apart on the canvas; never more than two lines. */
export function nodeSummary(kind: string, params: Params, catalog: CatalogSnapshot = noCatalog): string[] {
  if (!isNodeKind(kind)) return [];
  const lines = (...candidates: (string | undefined)[]) =>
    candidates
      .filter((line): line is string => line !== undefined)
      .slice(0, 2)
      .map(clip);
  switch (kind) {
    case 'trigger.api': {
      const keys = list(params.fields).map((field) => text(record(field).key) ?? '?');
      return lines(keys.length === 0 ? 'no payload fields' : `payload: ${some(keys) ?? ''}`);
    }
    case 'trigger.event':
      return lines(text(params.event) ?? 'event: not chosen', text(params.criteria) && `when ${text(params.criteria)}`);
    case 'case.create': {
      const template = templateName(text(params['case-template-id']), catalog);
      const sla = formatDuration(params.sla);
      return lines(template ? `template ${template}` : 'template: not chosen', sla && `SLA ${sla}`);
    }
    case 'case.update-fields': {
      const operations = list(params.operations).map((operation) => {
        const { op, field } = record(operation);
        return `${text(op) ?? '?'} ${text(field) ?? '?'}`;
      });
      return lines(some(operations, 2) ?? 'no operations', caseLine(params));
    }
    case 'case.attach-objects': {
      const count = list(params['object-ids']).length;
      return lines(`${count} object id${count === 1 ? '' : 's'}`, caseLine(params));
    }
    case 'case.set-status':
      return lines(text(params.status) ? `→ ${text(params.status)}` : 'status: not chosen', caseLine(params));
    case 'case.assign':
      return lines(
        text(params['user-email-address']) ? `to ${text(params['user-email-address'])}` : 'assignee: not set',
        caseLine(params),
      );
    case 'case.set-sla':
      return lines(`SLA ${formatDuration(params.sla) ?? 'not set'}`, caseLine(params));
    case 'case.clear-sla':
      return lines(caseLine(params));
    case 'case.add-to-queue':
      return lines(`queue ${text(params['case-queue-id']) ?? 'not chosen'}`, caseLine(params));
    case 'case.add-comment':
      return lines(text(params.body) ? `“${text(params.body)}”` : 'comment: empty', caseLine(params));
    case 'case.add-tags':
      return lines(
        some(list(params.tags).map((tag) => (typeof tag === 'string' ? tag : '?'))) ?? 'no tags',
        caseLine(params),
      );
    case 'logic.condition': {
      const count = list(params.routes).length;
      return lines(`${count} route${count === 1 ? '' : 's'}, then else`);
    }
    case 'wait.duration':
      return lines(`for ${formatDuration(params.duration) ?? '?'}`);
    case 'wait.case': {
      const events = some(
        list(params.events).map((event) => (typeof event === 'string' ? event : '?')),
        2,
      );
      const timeout = formatDuration(params.timeout);
      return lines(
        events ?? 'events: none',
        timeout && `timeout ${timeout}${params['error-on-timeout'] === true ? ' (fails)' : ''}`,
      );
    }
    case 'end':
      return [];
  }
}

/** What a node's output handle is called on the canvas: a route's label, else its id. */
export function handleLabel(kind: string, params: Params, handle: string): string {
  if (kind === 'logic.condition' && handle !== 'else') {
    const route = list(params.routes)
      .map(record)
      .find((candidate) => candidate.id === handle);
    return text(route?.label) ?? handle;
  }
  return handle === 'timed-out' ? 'timed out' : handle;
}
