import type { Db, Filter } from 'mongodb';
import { caseCollections, type CaseTemplateDocument } from './case-collections.ts';
import { paginate, type PageQuery } from '../platform/pagination.ts';

export function createCaseTemplateRepository(db: Db) {
  const { caseTemplates } = caseCollections(db);
  return {
    /** Inserts; resolves false when the key is taken (unique index). */
    async insert(template: CaseTemplateDocument): Promise<boolean> {
      try {
        await caseTemplates.insertOne(template);
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    },
    findById: (id: string) => caseTemplates.findOne({ _id: id }),
    list: (filter: Filter<CaseTemplateDocument>, page: PageQuery, url: Parameters<typeof paginate>[3]) =>
      paginate(caseTemplates, filter, page, url),
    update: (id: string, set: Partial<CaseTemplateDocument>) =>
      caseTemplates.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }),
    /** Archives an active template; null when it is missing or already archived (then nothing changes). */
    archive: (id: string, at: Date) =>
      caseTemplates.findOneAndUpdate(
        { _id: id, status: 'active' },
        { $set: { status: 'archived', updatedAt: at } },
        { returnDocument: 'after' },
      ),
  };
}

export type CaseTemplateRepository = ReturnType<typeof createCaseTemplateRepository>;
