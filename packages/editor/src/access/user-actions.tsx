import type { Role, UserResource } from '@casework/shared';
import { PASSWORD_MIN_LENGTH } from '@casework/shared';
import { useState } from 'react';
import { errorCount, errorsFromFailure, noErrors, slotErrors, type FormErrors } from '../case-setup/form-errors.ts';
import { SelectControl, TextControl } from '../case-setup/form-controls.tsx';
import type { UserChange } from '../api/access-api.ts';
import { useApi } from '../session/use-api.ts';
import { useSession } from '../session/use-session.ts';
import { FormDialog } from '../ui/form-dialog.tsx';
import { attributeSlot, slotsFor } from './attribute-slots.ts';
import { isRole, roleChoices } from './role-choices.ts';

type Dialog = 'role' | 'password' | 'disable' | 'enable';

interface UserActionsProps {
  user: UserResource;
  /** The signed-in user: changing them changes the session too. */
  isMe: boolean;
  onChanged: (user: UserResource) => void;
}

/** A user's row actions: change the role, set a new password, disable or enable; each asks in a dialog. */
export function UserActions({ user, isMe, onChanged }: UserActionsProps) {
  const api = useApi();
  const { retry: recheckSession } = useSession();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { 'email-address': email, disabled } = user.attributes;
  const close = () => setDialog(null);
  const update = async (change: UserChange) => {
    onChanged(await api.access.updateUser(user.id, change));
    // Your own role, password or access changed: ask the api who you are now (signed out, or another role).
    if (isMe) recheckSession();
  };
  return (
    <>
      <button type="button" aria-label={`Change the role of ${email}`} onClick={() => setDialog('role')}>
        Change role
      </button>
      <button type="button" aria-label={`Set a new password for ${email}`} onClick={() => setDialog('password')}>
        Set password
      </button>
      {disabled ? (
        <button type="button" aria-label={`Enable ${email}`} onClick={() => setDialog('enable')}>
          Enable
        </button>
      ) : (
        <button type="button" aria-label={`Disable ${email}`} onClick={() => setDialog('disable')}>
          Disable
        </button>
      )}
      {dialog === 'role' && <RoleDialog user={user} isMe={isMe} onSave={update} onClose={close} />}
      {dialog === 'password' && <PasswordDialog user={user} isMe={isMe} onSave={update} onClose={close} />}
      {dialog === 'disable' && (
        <FormDialog
          title={`Disable ${email}?`}
          submitLabel="Disable user"
          busyLabel="Disabling…"
          danger
          onSubmit={() => update({ disabled: true })}
          onClose={close}
        >
          <p>
            They are signed out everywhere and can no longer sign in. What they did stays recorded under their name;
            enable them again at any time.
          </p>
          {isMe && <p>This is you: you will be signed out too.</p>}
        </FormDialog>
      )}
      {dialog === 'enable' && (
        <FormDialog
          title={`Enable ${email}?`}
          submitLabel="Enable user"
          busyLabel="Enabling…"
          onSubmit={() => update({ disabled: false })}
          onClose={close}
        >
          <p>They can sign in again with their password, as a {user.attributes.role}.</p>
        </FormDialog>
      )}
    </>
  );
}

interface EditDialogProps {
  user: UserResource;
  isMe: boolean;
  onSave: (change: UserChange) => Promise<void>;
  onClose: () => void;
}

/** Saves `change`; a refusal the API pins on a field is shown next to it (resolving false keeps the dialog open). */
function useFieldSave(onSave: EditDialogProps['onSave'], fields: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = async (change: UserChange) => {
    setErrors(noErrors);
    try {
      await onSave(change);
      return true;
    } catch (failure) {
      const found = errorsFromFailure(failure, slotsFor(fields));
      if (errorCount(found) === found.general.length) throw failure; // nothing to pin: the dialog shows it
      setErrors(found);
      return false;
    }
  };
  return { save, messages: (field: string) => slotErrors(errors, attributeSlot(field)) };
}

function RoleDialog({ user, isMe, onSave, onClose }: EditDialogProps) {
  const [role, setRole] = useState<Role>(user.attributes.role);
  const { save, messages } = useFieldSave(onSave, ['role']);
  return (
    <FormDialog
      title={`Change the role of ${user.attributes['email-address']}`}
      submitLabel="Change role"
      busyLabel="Changing…"
      canSubmit={role !== user.attributes.role}
      onSubmit={() => save({ role })}
      onClose={onClose}
    >
      <SelectControl
        label="Role"
        value={role}
        options={roleChoices}
        messages={messages('role')}
        hint={isMe ? 'This is you: the editor then offers what the new role may do.' : 'It applies at once.'}
        onChange={(value) => {
          if (isRole(value)) setRole(value);
        }}
      />
    </FormDialog>
  );
}

function PasswordDialog({ user, isMe, onSave, onClose }: EditDialogProps) {
  const [password, setPassword] = useState('');
  const { save, messages } = useFieldSave(onSave, ['password']);
  return (
    <FormDialog
      title={`Set a new password for ${user.attributes['email-address']}`}
      submitLabel="Set password"
      busyLabel="Setting…"
      canSubmit={password !== ''}
      noValidate
      onSubmit={() => save({ password })}
      onClose={onClose}
    >
      <TextControl
        label="New password"
        type="password"
        autoComplete="new-password"
        maxLength={256}
        value={password}
        messages={messages('password')}
        hint={
          `At least ${PASSWORD_MIN_LENGTH} characters. ` +
          (isMe
            ? 'This is you: you are signed out everywhere, here too; sign in again with the new password.'
            : 'They are signed out everywhere and sign in again with it.')
        }
        onChange={setPassword}
      />
    </FormDialog>
  );
}
