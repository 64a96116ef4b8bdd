import { permissionsOf, type Permissions } from './permissions.ts';
import { useSession } from './use-session.ts';

/** What the signed-in user's role may do (session/permissions.ts); nothing while nobody is signed in. */
export function usePermissions(): Permissions {
  return permissionsOf(useSession().user?.role);
}
