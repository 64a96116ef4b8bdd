import { inject } from 'vitest';

/** The real servers the integration tests talk to (see global-setup.ts). */
export interface TestServices {
  mongodbUri: string;
  temporalAddress: string;
  temporalCli: string;
  temporalTestServer: string;
  ferretdbBinary: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: TestServices;
  }
}

export const testServices = (): TestServices => inject('services');
