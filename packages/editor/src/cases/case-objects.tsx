import type { CaseRelationships } from './case-relationships.ts';

const objectTypes = [
  ['inquiries', 'Inquiries'],
  ['reports', 'Reports'],
  ['verifications', 'Verifications'],
  ['transactions', 'Transactions'],
  ['accounts', 'Accounts'],
  ['documents', 'Documents'],
] as const;

/** The objects attached to the case, grouped by type (their prefix decides it). */
export function CaseObjects({ relationships }: { relationships: CaseRelationships }) {
  const groups = objectTypes
    .map(([key, label]) => ({ label, ids: relationships[key].data.map((object) => object.id) }))
    .filter((group) => group.ids.length > 0);
  return (
    <section className="case-panel" aria-labelledby="case-objects-heading">
      <h3 id="case-objects-heading">Attached objects</h3>
      {groups.length === 0 ? (
        <p className="muted">Nothing attached.</p>
      ) : (
        <dl className="case-objects" data-testid="case-objects">
          {groups.map((group) => (
            <div key={group.label}>
              <dt>{group.label}</dt>
              {group.ids.map((id) => (
                <dd key={id}>
                  <code>{id}</code>
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
