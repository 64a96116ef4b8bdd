import type { Db } from 'mongodb';
import { caseCollections } from './case-collections.ts';
import { isDuplicateKeyError } from './duplicate-key.ts';

const MAX_ATTEMPTS = 200;

/**
 * Per-template case numbers (`KYC-17`). Number n is claimed by inserting `<template id>:<n>`: a unique insert is
 * atomic on MongoDB and FerretDB alike (an `$inc` is not on FerretDB 1.x), so no number is handed out twice.
 */
export function createCaseNumberRepository(db: Db) {
  const { caseNumbers } = caseCollections(db);
  const highest = async (templateId: string) =>
    (await caseNumbers.find({ templateId }).sort({ n: -1 }).limit(1).next())?.n ?? 0;

  return {
    async next(templateId: string): Promise<number> {
      let n = await highest(templateId);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        n += 1;
        try {
          await caseNumbers.insertOne({ _id: `${templateId}:${n}`, templateId, n });
          return n;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          // Someone took n: jump to the current highest rather than walking up one by one.
          n = Math.max(n, await highest(templateId));
        }
      }
      throw new Error(`could not claim a case number for template ${templateId}`);
    },
  };
}
