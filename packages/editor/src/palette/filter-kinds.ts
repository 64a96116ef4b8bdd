import type { NodeKind, NodeRole } from '@casework/shared';
import { infoOf, kindsByRole } from '../graph/kind-info.ts';

/** The palette's groups with only the kinds whose title, description or id contain every word of `query`. */
export function filterKinds(query: string): { role: NodeRole; kinds: NodeKind[] }[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return kindsByRole;
  return kindsByRole
    .map(({ role, kinds }) => ({
      role,
      kinds: kinds.filter((kind) => {
        const info = infoOf(kind);
        const haystack = `${info.title} ${info.description} ${kind}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      }),
    }))
    .filter((group) => group.kinds.length > 0);
}
