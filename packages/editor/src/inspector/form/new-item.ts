import type { FieldDescriptor } from '../schema/field-descriptor.ts';
import { initialValue } from '../schema/initial-value.ts';
import { matchesPath, type FormPath } from './form-path.ts';
import { asList, asRecord } from './immutable.ts';

/** `base-1`, `base-2`, …: the first not in `taken`. */
export function freshKey(base: string, taken: Iterable<unknown>): string {
  const used = new Set([...taken].filter((key): key is string => typeof key === 'string'));
  for (let n = 1; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A new item for the list at `path`: a condition route gets a fresh id (ids are handles, unique per node) and
 * a condition that holds; a payload field a fresh key; a field operation is a `set`; anything else its
 * schema's initial value.
 */
export function newListItem(kind: string, path: FormPath, item: FieldDescriptor, list: unknown): unknown {
  const items = asList(list).map(asRecord);
  if (kind === 'logic.condition' && matchesPath(path, ['routes'])) {
    const id = freshKey(
      'route',
      items.map((route) => route.id),
    );
    return { id, label: `Route ${id.slice('route-'.length)}`, when: '{{ true }}' };
  }
  if (kind === 'logic.parallel' && matchesPath(path, ['branches'])) {
    const id = freshKey(
      'branch',
      items.map((branch) => branch.id),
    );
    return { id, label: `Branch ${id.slice('branch-'.length)}` };
  }
  if (kind === 'case.update-fields' && matchesPath(path, ['operations'])) {
    return { field: '', op: 'set', value: '' };
  }
  if (kind === 'trigger.api' && matchesPath(path, ['fields'])) {
    return {
      key: freshKey(
        'field',
        items.map((field) => field.key),
      ),
      type: 'string',
      required: false,
    };
  }
  return initialValue(item);
}
