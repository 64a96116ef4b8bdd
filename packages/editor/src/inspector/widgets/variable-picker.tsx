import { useEditorStore } from '../../store/use-editor-store.ts';
import type { FieldProps } from '../field-props.ts';
import { PickerField } from './picker-field.tsx';

/** `operations[].variable` of `data.set-variables`: the workflow's declared run variables, with their types. */
export function VariablePicker({ path, label, required, value, onChange }: FieldProps) {
  const variables = useEditorStore((state) => state.variables);
  const current = typeof value === 'string' ? value : '';
  const options = variables.map((declaration) => ({
    value: declaration.name,
    label: `${declaration.name} (${declaration.type})`,
  }));
  if (current !== '' && !options.some((option) => option.value === current))
    options.push({ value: current, label: `${current} (not declared)` });
  return (
    <PickerField
      path={path}
      label={label}
      required={required}
      value={current}
      onChange={onChange}
      options={options.length === 0 ? null : options}
      empty="Choose a variable…"
      typeHint="No run variables yet: declare them in the inspector with no node selected"
    />
  );
}
