/**
 * External objects attached to cases keep their own ids; the prefix says the type (docs/architecture.md, "Identifiers"), and the
 * type says which to-many relationship of the case holds it.
 */
export const objectTypes = {
  inq_: { type: 'inquiry', relationship: 'inquiries' },
  rep_: { type: 'report', relationship: 'reports' },
  ver_: { type: 'verification', relationship: 'verifications' },
  txn_: { type: 'transaction', relationship: 'transactions' },
  act_: { type: 'account', relationship: 'accounts' },
  doc_: { type: 'document', relationship: 'documents' },
} as const;

export type ObjectType = (typeof objectTypes)[keyof typeof objectTypes]['type'];
export type ObjectRelationship = (typeof objectTypes)[keyof typeof objectTypes]['relationship'];

export const objectRelationships = Object.values(objectTypes).map((entry) => entry.relationship);

export const MAX_OBJECTS_PER_CASE = 1000;

const objectIdPattern = /^(inq|rep|ver|txn|act|doc)_[A-Za-z0-9_-]{1,100}$/;

/** The object type of an id, or null when its prefix is unknown or it is malformed. */
export function objectTypeOf(id: string): { type: ObjectType; relationship: ObjectRelationship } | null {
  if (!objectIdPattern.test(id)) return null;
  return objectTypes[id.slice(0, 4) as keyof typeof objectTypes];
}
