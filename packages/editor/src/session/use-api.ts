import type { CaseworkApi } from './casework-api.ts';
import { useSession } from './use-session.ts';

/** The signed-in API; only for components that render once someone has signed in. */
export function useApi(): CaseworkApi {
  const { api } = useSession();
  if (!api) throw new Error('useApi needs a signed-in session.');
  return api;
}
