import type { UserResource } from '@casework/shared';
import { useState } from 'react';
import { SetupSection } from '../case-setup/setup-section.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { LoadableList, type ListLoadState } from '../ui/loadable-list.tsx';
import { UserForm } from './user-form.tsx';
import { UserTable } from './user-table.tsx';

interface UsersSectionProps {
  users: ListLoadState<UserResource>;
  onChanged: (user: UserResource) => void;
  onReload: () => void;
}

/** The people who sign in to the editor: the list, and the "New user" form opened above it. */
export function UsersSection({ users, onChanged, onReload }: UsersSectionProps) {
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<UserResource | null>(null);
  const onCreated = (user: UserResource) => {
    onChanged(user);
    setCreated(user);
    setFormOpen(false);
  };
  return (
    <SetupSection
      heading="Users"
      intro={
        <>
          People sign in to the editor with their email address and password. Their role decides what they may do:
          admins everything, designers workflows and case setup, reviewers cases, viewers only read.
        </>
      }
      action={
        !formOpen && (
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              setCreated(null);
              setFormOpen(true);
            }}
          >
            New user
          </button>
        )
      }
    >
      {created !== null && (
        <p className="case-setup-notice" role="status">
          User {created.attributes['email-address']} created as {created.attributes.role}: they can sign in now.
        </p>
      )}
      {formOpen && <UserForm onCreated={onCreated} onCancel={() => setFormOpen(false)} />}
      <LoadableList
        state={users}
        loading="Loading users…"
        failure="Could not load the users."
        onRetry={onReload}
        empty={
          <EmptyState testId="users-empty">
            <h4>No users</h4>
          </EmptyState>
        }
      >
        {(items) => <UserTable users={items} onChanged={onChanged} />}
      </LoadableList>
    </SetupSection>
  );
}
