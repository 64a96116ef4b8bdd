import type { CaseResource, FieldSchema } from '@casework/shared';
import { useState, type FormEvent } from 'react';
import { errorsFromFailure, noErrors, slotErrors, type FormErrors } from '../case-setup/form-errors.ts';
import { useApi } from '../session/use-api.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { FieldControl } from './field-control.tsx';
import { changedFields, draftOf, fieldPointer, formFields, type FieldDraft } from './field-form.ts';

interface CaseFieldsFormProps {
  kase: CaseResource;
  schemas: readonly FieldSchema[];
  canEdit: boolean;
  onSaved: (kase: CaseResource) => void;
}

/**
 * The case's fields as a form typed by its template. Only what the reviewer changed is sent (`PATCH`, merged), so
 * a field a workflow changes meanwhile shows its new value unless it is being edited here. The API's problems are
 * shown next to the field their pointer names.
 */
export function CaseFieldsForm({ kase, schemas, canEdit, onSaved }: CaseFieldsFormProps) {
  const api = useApi();
  const stored = kase.attributes.fields;
  const fields = formFields(stored, schemas);
  const [edits, setEdits] = useState<Readonly<Record<string, FieldDraft>>>({});
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const changes = changedFields(fields, stored, edits);
  const dirty = Object.keys(changes).length > 0;
  const slotOf = (pointer: string) => fields.find((field) => pointer === fieldPointer(field.key))?.key ?? null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty) return;
    setBusy(true);
    setSaved(false);
    try {
      onSaved(await api.cases.update(kase.id, { fields: changes }));
      setEdits({});
      setErrors(noErrors);
      setSaved(true);
    } catch (failure) {
      setErrors(errorsFromFailure(failure, slotOf));
    } finally {
      setBusy(false);
    }
  };

  if (fields.length === 0) {
    return (
      <section className="case-panel" aria-labelledby="case-fields-heading">
        <h3 id="case-fields-heading">Fields</h3>
        <p className="muted">
          {kase.attributes['redacted-at'] ? 'Redacted: the fields were emptied.' : 'The template has no fields.'}
        </p>
      </section>
    );
  }
  return (
    <section className="case-panel" aria-labelledby="case-fields-heading">
      <h3 id="case-fields-heading">Fields</h3>
      <form className="case-fields" onSubmit={(event) => void save(event)} noValidate aria-label="Fields">
        {fields.map((field) => (
          <FieldControl
            key={field.key}
            field={field}
            draft={edits[field.key] ?? draftOf(field.type, stored[field.key]?.value)}
            readOnly={!canEdit || busy}
            problems={slotErrors(errors, field.key)}
            onChange={(draft) => {
              setSaved(false);
              setEdits((current) => ({ ...current, [field.key]: draft }));
            }}
          />
        ))}
        {errors.general.length > 0 && <ErrorMessage>{errors.general.join(' ')}</ErrorMessage>}
        {canEdit && (
          <div className="case-fields-actions">
            <button type="submit" className="button-primary" disabled={!dirty || busy}>
              {busy ? 'Saving…' : 'Save fields'}
            </button>
            {dirty && (
              <button
                type="button"
                onClick={() => {
                  setEdits({});
                  setErrors(noErrors);
                }}
                disabled={busy}
              >
                Discard changes
              </button>
            )}
            {saved && !dirty && (
              <span role="status" className="muted">
                Saved.
              </span>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
