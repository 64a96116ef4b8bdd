import type { FieldProps } from './field-props.ts';
import { widgetFor } from './form/field-widgets.ts';
import { BooleanField } from './fields/boolean-field.tsx';
import { EnumField } from './fields/enum-field.tsx';
import { JsonField } from './fields/json-field.tsx';
import { ListField } from './fields/list-field.tsx';
import { NumberField } from './fields/number-field.tsx';
import { ObjectField } from './fields/object-field.tsx';
import { RecordField } from './fields/record-field.tsx';
import { TextField } from './fields/text-field.tsx';
import { UnionField } from './fields/union-field.tsx';
import { ValueField } from './fields/value-field.tsx';
import { useInspectorScope } from './inspector-scope.ts';
import { WidgetView } from './widgets/widget-view.tsx';

/** The control for one value: a custom widget registered for its path, else the generic one for its schema. */
export function FieldView(props: FieldProps) {
  const { kind } = useInspectorScope();
  const widget = props.path.length === 0 ? null : widgetFor(kind, props.path, props.field);
  if (widget !== null) return <WidgetView widget={widget} {...props} />;
  const { field } = props;
  switch (field.kind) {
    case 'text':
      return <TextField {...props} field={field} />;
    case 'number':
      return <NumberField {...props} field={field} />;
    case 'boolean':
      return <BooleanField {...props} field={field} />;
    case 'enum':
      return <EnumField {...props} field={field} />;
    case 'value':
      return <ValueField {...props} field={field} />;
    case 'list':
      return <ListField {...props} field={field} />;
    case 'object':
      return <ObjectField {...props} field={field} />;
    case 'record':
      return <RecordField {...props} field={field} />;
    case 'union':
      return <UnionField {...props} field={field} />;
    case 'constant':
      return null;
    case 'json':
      return <JsonField {...props} field={field} />;
  }
}
