import { valueHintAt } from '../catalog/value-hints.ts';
import { ExpressionInput } from '../expression-input.tsx';
import type { FieldOf } from '../field-props.ts';
import { FieldRow } from '../field-row.tsx';
import { hintText, parseValueText, valueText, type ValueHint } from '../form/value-text.ts';
import { useInspectorScope } from '../inspector-scope.ts';

interface ValueFieldProps extends FieldOf<'value'> {
  multiline?: boolean;
  /** The template field this value is for, when the caller knows it better than the path does. */
  hint?: ValueHint | undefined;
  /** The line under the input, instead of one derived from the hint. */
  describe?: string;
}

/**
 * Any parameter value: a literal or `{{ … }}` expressions, typed as text. When the template field behind it is
 * known, literals take that field's type (`42` a number) and a choice field suggests its choices.
 */
export function ValueField({ path, value, onChange, label, required, multiline, hint, describe }: ValueFieldProps) {
  const { kind, params, template } = useInspectorScope();
  const known = hint ?? valueHintAt(kind, params, path, template);
  return (
    <FieldRow
      path={path}
      label={label}
      required={required}
      hint={describe ?? (known ? hintText(known) : 'Text, or an expression in {{ … }}')}
      exclude={['expression-syntax']}
    >
      {({ inputId, describedBy, invalid }) => (
        <ExpressionInput
          id={inputId}
          value={valueText(value)}
          multiline={multiline}
          choices={known?.choices}
          describedBy={describedBy}
          invalid={invalid}
          onChange={(text) => onChange(text === '' && !required ? undefined : parseValueText(text, known, value))}
        />
      )}
    </FieldRow>
  );
}
