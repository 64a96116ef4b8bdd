import { fieldTypes } from '@casework/shared';
import { useId } from 'react';
import { IssueList, useFieldIssues } from '../field-issues.tsx';
import type { FieldProps } from '../field-props.ts';
import { paramsPointer } from '../form/form-path.ts';
import { asList, asRecord, movedItem, withItem, withoutItem, withProperty } from '../form/immutable.ts';
import { newListItem } from '../form/new-item.ts';
import { useInspectorScope } from '../inspector-scope.ts';
import { ItemActions } from '../item-actions.tsx';
import { SelectInput } from '../select-input.tsx';

const typeOptions = fieldTypes.map((type) => ({ value: type, label: type }));

/** The issues of one payload field row (its key, type or flag), shown under the row. */
function useRowIssues(path: FieldProps['path'], index: number) {
  const byPointer = useInspectorScope().issues.byPointer;
  const row = paramsPointer([...path, index]);
  return [...byPointer.entries()]
    .filter(([pointer]) => pointer === row || pointer.startsWith(`${row}/`))
    .flatMap(([, issues]) => issues);
}

function PayloadFieldRow({
  path,
  index,
  count,
  item,
  onItemChange,
  onMove,
  onRemove,
}: {
  path: FieldProps['path'];
  index: number;
  count: number;
  item: Record<string, unknown>;
  onItemChange: (next: Record<string, unknown>) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const id = useId();
  const issues = useRowIssues(path, index);
  const key = typeof item.key === 'string' ? item.key : '';
  const type = typeof item.type === 'string' ? item.type : '';
  const name = `payload field ${index + 1}`;
  const issuesId = issues.length > 0 ? `${id}-issues` : undefined;
  return (
    <li className="inspector-payload-row" data-path={paramsPointer([...path, index])}>
      <div className="inspector-payload-line">
        <label className="visually-hidden" htmlFor={`${id}-key`}>
          Key of {name}
        </label>
        <input
          id={`${id}-key`}
          className="inspector-input inspector-key"
          type="text"
          placeholder="key"
          spellCheck={false}
          value={key}
          aria-describedby={issuesId}
          aria-invalid={issues.length > 0 || undefined}
          onChange={(event) => onItemChange(withProperty(item, 'key', event.target.value))}
        />
        <SelectInput
          id={`${id}-type`}
          ariaLabel={`Type of ${name}`}
          value={type}
          options={typeOptions}
          empty="type…"
          onChange={(next) => onItemChange(withProperty(item, 'type', next))}
        />
      </div>
      <div className="inspector-payload-line">
        <span className="inspector-checkbox-row">
          <input
            id={`${id}-required`}
            type="checkbox"
            className="inspector-checkbox"
            checked={item.required === true}
            onChange={(event) => onItemChange(withProperty(item, 'required', event.target.checked))}
          />
          <label htmlFor={`${id}-required`}>required</label>
        </span>
        <ItemActions name={name} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      <IssueList issues={issues} id={issuesId} />
    </li>
  );
}

/**
 * `fields` of `trigger.api`: the payload schema a run is started with, one row per key (key, type, required),
 * reorderable. Expressions read the payload as `trigger.<key>`.
 */
export function PayloadSchemaEditor({ path, field, value, onChange, label }: FieldProps) {
  const { kind } = useInspectorScope();
  const items = asList(value ?? field.default);
  const issues = useFieldIssues(paramsPointer(path));
  const item = field.kind === 'list' ? field.item : field;
  return (
    <fieldset className="inspector-group" data-path={paramsPointer(path)}>
      <legend className="inspector-legend">Payload {label.toLowerCase()}</legend>
      <p className="inspector-hint">What a run is started with; expressions read it as trigger.&lt;key&gt;.</p>
      <IssueList issues={issues} />
      {items.length === 0 && <p className="inspector-empty">No payload fields: runs start with an empty payload.</p>}
      <ol className="inspector-list">
        {items.map((entry, index) => (
          <PayloadFieldRow
            key={index}
            path={path}
            index={index}
            count={items.length}
            item={asRecord(entry)}
            onItemChange={(next) => onChange(withItem(items, index, next))}
            onMove={(from, to) => onChange(movedItem(items, from, to))}
            onRemove={(at) => onChange(withoutItem(items, at))}
          />
        ))}
      </ol>
      <button
        type="button"
        className="inspector-add"
        onClick={() => onChange([...items, newListItem(kind, path, item, items)])}
      >
        Add payload field
      </button>
    </fieldset>
  );
}
