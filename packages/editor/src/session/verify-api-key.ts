import { workflowListSchema } from '@casework/shared';
import { createApiClient } from '../api/api-client.ts';
import { isApiRequestError } from '../api/api-error.ts';

/** Whether the API accepts `apiKey`: null when it does, else what to tell the user. */
export async function verifyApiKey(baseUrl: string, apiKey: string): Promise<string | null> {
  const client = createApiClient({ baseUrl, apiKey });
  try {
    await client.request('/workflows', workflowListSchema, { query: { 'page[size]': 1 } });
    return null;
  } catch (error) {
    if (isApiRequestError(error) && error.status === 401)
      return 'The API did not accept this key. Check it and try again.';
    if (isApiRequestError(error)) return error.messages.join(' ');
    return error instanceof Error ? error.message : String(error);
  }
}
