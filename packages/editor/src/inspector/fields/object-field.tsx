import { IssueList, useFieldIssues } from '../field-issues.tsx';
import type { FieldOf } from '../field-props.ts';
import { paramsPointer } from '../form/form-path.ts';
import { useInspectorScope } from '../inspector-scope.ts';
import type { PropertyDescriptor } from '../schema/field-descriptor.ts';
import { FieldGroup } from './field-group.tsx';
import { PropertyView } from './property-view.tsx';

/** Options every action has (docs/architecture.md, "Workflows"); tucked away below the action's own parameters. */
const errorHandlingKeys = new Set(['continue-on-error', 'retry']);

/** An object's properties in a fieldset; at the root (the params), without a frame, error handling folded. */
export function ObjectField({ path, field, value, onChange, label, bare }: FieldOf<'object'>) {
  const object = value ?? field.default;
  const issues = useFieldIssues(paramsPointer(path));
  const placed = useInspectorScope().issues.byPointer;
  const render = (properties: readonly PropertyDescriptor[]) =>
    properties.map((property) => (
      <PropertyView key={property.key} parent={path} property={property} object={object} onObjectChange={onChange} />
    ));
  if (path.length === 0) {
    const main = field.properties.filter((property) => !errorHandlingKeys.has(property.key));
    const errorHandling = field.properties.filter((property) => errorHandlingKeys.has(property.key));
    return (
      <div className="inspector-form">
        {main.length === 0 && errorHandling.length === 0 && <p className="inspector-empty">No settings.</p>}
        {render(main)}
        {errorHandling.length > 0 && (
          <details
            className="inspector-advanced"
            open={
              [...placed.keys()].some((pointer) =>
                errorHandling.some((p) => pointer.startsWith(paramsPointer([p.key]))),
              ) || undefined
            }
          >
            <summary>Error handling</summary>
            {render(errorHandling)}
          </details>
        )}
      </div>
    );
  }
  return (
    <FieldGroup path={path} label={label} bare={bare}>
      <IssueList issues={issues} />
      {render(field.properties)}
    </FieldGroup>
  );
}
