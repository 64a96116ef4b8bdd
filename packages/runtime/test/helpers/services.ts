import { inject } from 'vitest';
import type { ensureMongoServer } from '../../../../scripts/lib/mongo-server-build.mjs';

/** How to run the local MongoDB-protocol store (see scripts/lib/mongo-server-build.mjs). */
export type MongoServerBuild = Awaited<ReturnType<typeof ensureMongoServer>>;

/** The real servers the integration tests talk to (see global-setup.ts). */
export interface TestServices {
  mongodbUri: string;
  temporalAddress: string;
  temporalCli: string;
  temporalTestServer: string;
  /** Null when MONGODB_URI points elsewhere and the local store could not be built (e.g. no Java). */
  mongoServer: MongoServerBuild | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: TestServices;
  }
}

export const testServices = (): TestServices => inject('services');
