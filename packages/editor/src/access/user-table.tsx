import type { UserResource } from '@casework/shared';
import { memo } from 'react';
import { useSession } from '../session/use-session.ts';
import { DataTable } from '../ui/data-table.tsx';
import { formatDateTime } from '../ui/format-time.ts';
import { UserActions } from './user-actions.tsx';

interface UserTableProps {
  users: readonly UserResource[];
  onChanged: (user: UserResource) => void;
}

const columns = ['Email address', 'Name', 'Role', 'Status', 'Created'];

/** Every user, newest first, with what an admin changes about them. */
export function UserTable({ users, onChanged }: UserTableProps) {
  const me = useSession().user?.['actor-id'] ?? null;
  return (
    <DataTable className="case-setup-table access-table" columns={columns}>
      {users.map((user) => (
        <UserRow key={user.id} user={user} isMe={user.id === me} onChanged={onChanged} />
      ))}
    </DataTable>
  );
}

const UserRow = memo(function UserRow({
  user,
  isMe,
  onChanged,
}: {
  user: UserResource;
  isMe: boolean;
  onChanged: (user: UserResource) => void;
}) {
  const { 'email-address': email, name, role, disabled, 'created-at': createdAt } = user.attributes;
  const status = disabled ? 'disabled' : 'active';
  return (
    <tr data-testid="user-row" data-user-id={user.id} data-status={status}>
      <th scope="row">
        {email}
        {isMe && <span className="muted"> (you)</span>}
      </th>
      <td>{name ?? <span className="muted">—</span>}</td>
      <td data-testid="user-role">{role}</td>
      <td>
        <span className="case-setup-status" data-status={status}>
          {disabled ? 'Disabled' : 'Active'}
        </span>
      </td>
      <td className="muted">{formatDateTime(createdAt)}</td>
      <td className="row-actions">
        <UserActions user={user} isMe={isMe} onChanged={onChanged} />
      </td>
    </tr>
  );
});
