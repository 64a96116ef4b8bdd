import { errorDocumentSchema } from '@casework/shared';
import { z } from 'zod';

export const workflowIdParams = z.object({
  id: z.string().min(1).max(100).meta({ example: 'wfl_P7PA3sVt0aGm9bY1kQ2xZr4c' }),
});
export const versionIdParams = z.object({
  id: z.string().min(1).max(100).meta({ example: 'wfv_P7PA47qHc2Lw0oTn5uJd8eXs' }),
});

const error = errorDocumentSchema;
export const e400 = { 400: error, 401: error, 429: error };
export const e404 = { ...e400, 404: error };

export const routeDocs = (summary: string, description: string) => ({
  tags: ['workflows'],
  summary,
  description,
  security: [{ bearerAuth: [] }],
});
