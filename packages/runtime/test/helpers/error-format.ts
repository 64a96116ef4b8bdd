import { errorDocumentSchema } from '@casework/shared';
import { expect } from 'vitest';

interface InjectedResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  json(): unknown;
}

/** Asserts a response is an error of `status` in the API's error format, with a Request-Id; returns its errors. */
export function expectApiError(response: InjectedResponse, status: number) {
  expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.headers['request-id']).toMatch(/^req_/);
  const parsed = errorDocumentSchema.safeParse(response.json());
  expect(parsed.success, JSON.stringify(response.json())).toBe(true);
  return parsed.data?.errors ?? [];
}
