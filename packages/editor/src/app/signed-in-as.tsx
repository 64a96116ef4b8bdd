import { useState } from 'react';
import { useSession } from '../session/use-session.ts';

/** Who is signed in (email address and role), and Sign out; nothing while nobody is. */
export function SignedInAs() {
  const { user, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  if (user === null) return null;
  const who = user['email-address'] ?? user.name ?? user['actor-id'];
  const leave = async () => {
    setBusy(true);
    await signOut();
    setBusy(false);
  };
  return (
    <div className="app-user" data-testid="signed-in-as">
      <span className="visually-hidden">Signed in as </span>
      <span className="app-user-email" title={user.name ?? undefined}>
        {who}
      </span>
      <span className="app-user-role" data-role={user.role}>
        {user.role}
      </span>
      <button type="button" className="app-sign-out" onClick={() => void leave()} disabled={busy}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
    </div>
  );
}
