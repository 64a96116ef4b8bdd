import { PASSWORD_MIN_LENGTH, type Role, type UserResource } from '@casework/shared';
import { useState, type FormEvent } from 'react';
import { errorsFromFailure, noErrors, slotErrors, type FormErrors } from '../case-setup/form-errors.ts';
import { SelectControl, TextControl } from '../case-setup/form-controls.tsx';
import { useApi } from '../session/use-api.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { attributeSlot, slotsFor } from './attribute-slots.ts';
import { isRole, roleChoices } from './role-choices.ts';
import { useFocusFirstProblem } from './use-focus-first-problem.ts';

const slotOf = slotsFor(['email-address', 'name', 'role', 'password']);
const empty = { email: '', name: '', role: 'reviewer' as Role, password: '' };

interface UserFormProps {
  onCreated: (user: UserResource) => void;
  onCancel: () => void;
}

/** "New user": email address, name, role and a first password; the API's refusals shown next to their fields. */
export function UserForm({ onCreated, onCancel }: UserFormProps) {
  const api = useApi();
  const [state, setState] = useState(empty);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const { formRef, onRefused } = useFocusFirstProblem();
  const set = (change: Partial<typeof empty>) => setState((current) => ({ ...current, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(noErrors);
    try {
      const user = await api.access.createUser({
        'email-address': state.email.trim(),
        name: state.name.trim() === '' ? null : state.name.trim(),
        role: state.role,
        password: state.password,
      });
      setState(empty);
      onCreated(user);
    } catch (failure) {
      setErrors(errorsFromFailure(failure, slotOf));
      onRefused();
    } finally {
      setBusy(false);
    }
  };

  const messages = (name: string) => slotErrors(errors, attributeSlot(name));
  return (
    <form
      ref={formRef}
      className="case-setup-card"
      aria-label="New user"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h3>New user</h3>
      {errors.general.length > 0 && <ErrorMessage>{errors.general.join('\n')}</ErrorMessage>}
      <div className="access-form-grid">
        <TextControl
          label="Email address"
          type="email"
          identifier
          maxLength={254}
          placeholder="e.g. ada@example.com"
          value={state.email}
          messages={messages('email-address')}
          onChange={(email) => set({ email })}
        />
        <TextControl
          label="Name"
          maxLength={200}
          placeholder="optional, e.g. Ada Lovelace"
          value={state.name}
          messages={messages('name')}
          onChange={(name) => set({ name })}
        />
        <SelectControl
          label="Role"
          value={state.role}
          options={roleChoices}
          messages={messages('role')}
          onChange={(role) => {
            if (isRole(role)) set({ role });
          }}
        />
        <TextControl
          label="Password"
          type="password"
          autoComplete="new-password"
          maxLength={256}
          value={state.password}
          messages={messages('password')}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Give it to them in person; they sign in with it.`}
          onChange={(password) => set({ password })}
        />
      </div>
      <div className="case-setup-form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create user'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
