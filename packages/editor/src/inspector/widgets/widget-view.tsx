import type { FieldProps } from '../field-props.ts';
import { ValueField } from '../fields/value-field.tsx';
import type { WidgetName } from '../form/field-widgets.ts';
import { CaseEventsField } from './case-events-field.tsx';
import { CaseFieldsEditor } from './case-fields-editor.tsx';
import {
  CaseRefPicker,
  QueuePicker,
  SecretPicker,
  StatusPicker,
  TemplateFieldPicker,
  TemplatePicker,
  WorkflowPicker,
} from './catalog-pickers.tsx';
import { DurationField } from './duration-field.tsx';
import { PayloadSchemaEditor } from './payload-schema-editor.tsx';
import { TimeZoneField } from './time-zone-field.tsx';
import { VariablePicker } from './variable-picker.tsx';

/** The custom widget registered for a path (see `field-widgets.ts`). */
export function WidgetView({ widget, ...props }: FieldProps & { widget: WidgetName }) {
  switch (widget) {
    case 'template':
      return <TemplatePicker {...props} />;
    case 'queue':
      return <QueuePicker {...props} />;
    case 'workflow':
      return <WorkflowPicker {...props} />;
    case 'status':
      return <StatusPicker {...props} />;
    case 'template-field':
      return <TemplateFieldPicker {...props} />;
    case 'case-ref':
      return <CaseRefPicker {...props} />;
    case 'case-fields':
      return <CaseFieldsEditor {...props} />;
    case 'case-events':
      return <CaseEventsField {...props} />;
    case 'duration':
      return <DurationField {...props} />;
    case 'payload-schema':
      return <PayloadSchemaEditor {...props} />;
    case 'long-text':
      return <ValueField {...props} field={{ kind: 'value' }} multiline />;
    case 'secret':
      return <SecretPicker {...props} />;
    case 'time-zone':
      return <TimeZoneField {...props} />;
    case 'variable':
      return <VariablePicker {...props} />;
  }
}
