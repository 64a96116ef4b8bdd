import { routeHref } from '../../app/route.ts';
import {
  caseRefOptions,
  fieldOptions,
  queueOptions,
  secretOptions,
  statusOptions,
  templateOptions,
  workflowOptions,
} from '../catalog/catalog-options.ts';
import type { FieldProps } from '../field-props.ts';
import { asRecord } from '../form/immutable.ts';
import { useInspectorScope } from '../inspector-scope.ts';
import { PickerField } from './picker-field.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What every picker passes on as it comes: where the value sits, its label, and the value as text. */
function pickerProps({ path, label, required, value, onChange }: FieldProps) {
  return { path, label, required, value: text(value), onChange };
}

/**
 * Where to make what the catalog lacks. Case setup opens in another tab so this canvas keeps its selection and
 * undo history; the catalog is fetched again when this tab is shown, so the new choice appears on return.
 */
function EmptyCatalogHint({ things, typeInstead }: { things: string; typeInstead: string }) {
  return (
    <>
      No {things} yet: create one in{' '}
      <a href={routeHref({ page: 'case-setup' })} target="_blank" rel="noreferrer">
        Case setup
      </a>
      , or type {typeInstead}
    </>
  );
}

/** `case-template-id`: the catalog's templates, archived ones marked. */
export function TemplatePicker(props: FieldProps) {
  const { catalog } = useInspectorScope();
  return (
    <PickerField
      {...pickerProps(props)}
      options={catalog.templates.length === 0 ? null : templateOptions(catalog, text(props.value))}
      empty="Choose a template…"
      typeHint={<EmptyCatalogHint things="case templates" typeInstead="a template id" />}
    />
  );
}

/** `case-queue-id`: the catalog's queues, archived ones marked. */
export function QueuePicker(props: FieldProps) {
  const { catalog } = useInspectorScope();
  return (
    <PickerField
      {...pickerProps(props)}
      options={catalog.queues.length === 0 ? null : queueOptions(catalog, text(props.value))}
      empty="Choose a queue…"
      typeHint={<EmptyCatalogHint things="case queues" typeInstead="a queue id" />}
    />
  );
}

/** `workflow-id` of `flow.run-workflow`: the other workflows, published ones first. */
export function WorkflowPicker(props: FieldProps) {
  const { catalog } = useInspectorScope();
  const options = workflowOptions(catalog, text(props.value));
  return (
    <PickerField
      {...pickerProps(props)}
      options={options.length === 0 ? null : options}
      empty="Choose a workflow…"
      typeHint="No other workflow yet: create and publish one, or type a workflow id"
      hint="Runs its live version; its API trigger's fields are the input keys"
    />
  );
}

/** `status` of `case.set-status`: the statuses of the template the case comes from. */
export function StatusPicker(props: FieldProps) {
  const { template } = useInspectorScope();
  return (
    <PickerField
      {...pickerProps(props)}
      options={template ? statusOptions(template, text(props.value)) : null}
      empty="Choose a status…"
      typeHint="The case's template isn't known here (an event's case, or no template chosen upstream): type a status"
      hint={template ? `Statuses of ${template.key}` : undefined}
    />
  );
}

/** `operations[].field` of `case.update-fields`: the fields of the case's template. */
export function TemplateFieldPicker(props: FieldProps) {
  const { template } = useInspectorScope();
  return (
    <PickerField
      {...pickerProps(props)}
      options={template ? fieldOptions(template, text(props.value)) : null}
      empty="Choose a field…"
      typeHint="The case's template isn't known here: type a field key"
    />
  );
}

/** `case`: a `{ node }` reference to an upstream node whose output carries a case. */
export function CaseRefPicker(props: FieldProps) {
  const { nodeId, graph } = useInspectorScope();
  const current = text(asRecord(props.value).node);
  const options = caseRefOptions(nodeId, graph, current);
  return (
    <PickerField
      {...pickerProps(props)}
      value={current}
      onChange={(next) => props.onChange({ node: next ?? '' })}
      options={options}
      empty={options.length === 0 ? 'No case upstream' : 'Choose a case…'}
      typeHint=""
      hint={
        options.length === 0
          ? 'Connect this node after a node whose output carries a case (Create case, a case action, Wait for case).'
          : 'The case of an earlier step'
      }
    />
  );
}

/** `signature.secret` of `http.request`: the secrets by name (values never reach the editor). */
export function SecretPicker(props: FieldProps) {
  const { catalog } = useInspectorScope();
  const options = secretOptions(catalog, text(props.value));
  return (
    <PickerField
      {...pickerProps(props)}
      options={options === null || options.length === 0 ? null : options}
      empty="Choose a secret…"
      typeHint={
        <>
          No secrets to choose from: create one under Secrets in{' '}
          <a href={routeHref({ page: 'case-setup' })} target="_blank" rel="noreferrer">
            Case setup
          </a>
          , or type its name
        </>
      }
      hint="Signs each request: t=<unix seconds>,v1=<HMAC-SHA256 of t.body>"
    />
  );
}
