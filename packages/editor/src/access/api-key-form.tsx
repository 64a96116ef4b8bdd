import type { ApiKeyResource, Role } from '@casework/shared';
import { useState, type FormEvent } from 'react';
import { errorsFromFailure, noErrors, slotErrors, type FormErrors } from '../case-setup/form-errors.ts';
import { SelectControl, TextControl } from '../case-setup/form-controls.tsx';
import { useApi } from '../session/use-api.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { attributeSlot, slotsFor } from './attribute-slots.ts';
import { isRole, roleChoices } from './role-choices.ts';
import { useFocusFirstProblem } from './use-focus-first-problem.ts';

const slotOf = slotsFor(['name', 'role']);

/** "New API key": a name saying who uses it and a role (trigger, for an integration that starts runs). */
export function ApiKeyForm({ onCreated }: { onCreated: (key: ApiKeyResource) => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('trigger');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const { formRef, onRefused } = useFocusFirstProblem();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(noErrors);
    try {
      const key = await api.access.createApiKey(name.trim(), role);
      setName('');
      onCreated(key);
    } catch (failure) {
      setErrors(errorsFromFailure(failure, slotOf));
      onRefused();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="case-setup-card"
      aria-label="New API key"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h3>New API key</h3>
      {errors.general.length > 0 && <ErrorMessage>{errors.general.join('\n')}</ErrorMessage>}
      <div className="access-form-grid">
        <TextControl
          label="Key name"
          maxLength={200}
          placeholder="e.g. Webhook from the signup service"
          hint="Who or what calls the API with it, so you know which key to revoke."
          value={name}
          messages={slotErrors(errors, attributeSlot('name'))}
          onChange={setName}
        />
        <SelectControl
          label="Key role"
          value={role}
          options={roleChoices}
          messages={slotErrors(errors, attributeSlot('role'))}
          onChange={(value) => {
            if (isRole(value)) setRole(value);
          }}
        />
      </div>
      <div className="case-setup-form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create API key'}
        </button>
      </div>
    </form>
  );
}
