import type { Db } from 'mongodb';
import { caseCollections } from './case-collections.ts';
import { claimNext } from './sequence-claims.ts';

/** Per-template case numbers (`KYC-17`): number n is claimed by inserting `<template id>:<n>`, so never twice. */
export function createCaseNumberRepository(db: Db) {
  const { caseNumbers } = caseCollections(db);
  return {
    next: (templateId: string) =>
      claimNext(
        caseNumbers,
        (n) => `${templateId}:${n}`,
        (n) => ({ _id: `${templateId}:${n}`, templateId, n }),
      ),
  };
}
