import { IssueList, useFieldIssues } from '../field-issues.tsx';
import type { FieldOf } from '../field-props.ts';
import { FieldView } from '../field-view.tsx';
import { widgetFor } from '../form/field-widgets.ts';
import { paramsPointer } from '../form/form-path.ts';
import { asList, movedItem, withItem, withoutItem } from '../form/immutable.ts';
import { newListItem } from '../form/new-item.ts';
import { useInspectorScope } from '../inspector-scope.ts';
import { ItemActions } from '../item-actions.tsx';
import { itemLabel } from '../schema/field-labels.ts';
import { FieldGroup } from './field-group.tsx';

/**
 * A list: each item with its own control and move/remove buttons, and a button to add one. Items that are
 * groups (a route, a field operation) get a title row with the buttons; single values get them alongside.
 */
export function ListField({ path, field, value, onChange, label, required }: FieldOf<'list'>) {
  const { kind } = useInspectorScope();
  const items = asList(value ?? field.default);
  const issues = useFieldIssues(paramsPointer(path));
  const noun = itemLabel(String(path.at(-1) ?? label));
  const full = field.maxItems !== undefined && items.length >= field.maxItems;
  const grouped =
    (field.item.kind === 'object' || field.item.kind === 'union') && widgetFor(kind, [...path, 0], field.item) === null;
  return (
    <FieldGroup path={path} label={label} required={required && (field.minItems ?? 0) > 0}>
      <IssueList issues={issues} />
      {items.length === 0 && <p className="inspector-empty">None yet.</p>}
      <ol className="inspector-list">
        {items.map((item, index) => {
          const name = `${noun} ${index + 1}`;
          const actions = (
            <ItemActions
              name={name}
              index={index}
              count={items.length}
              onMove={(from, to) => onChange(movedItem(items, from, to))}
              onRemove={(at) => onChange(withoutItem(items, at))}
            />
          );
          const control = (
            <FieldView
              path={[...path, index]}
              field={field.item}
              value={item}
              label={name}
              required
              bare={grouped}
              onChange={(next) => onChange(withItem(items, index, next))}
            />
          );
          return grouped ? (
            <li key={index} className="inspector-item" data-grouped>
              <div className="inspector-item-header">
                <span className="inspector-item-title">{name}</span>
                {actions}
              </div>
              {control}
            </li>
          ) : (
            <li key={index} className="inspector-item">
              <div className="inspector-item-body">{control}</div>
              {actions}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="inspector-add"
        disabled={full}
        onClick={() => onChange([...items, newListItem(kind, path, field.item, items)])}
      >
        Add {noun.toLowerCase()}
      </button>
    </FieldGroup>
  );
}
