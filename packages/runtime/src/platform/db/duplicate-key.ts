import { MongoServerError } from 'mongodb';

/** Whether a write failed on a unique index (MongoDB and the embedded store both answer code 11000). */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
