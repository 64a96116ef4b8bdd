import { accessApi } from '../api/access-api.ts';
import { createApiClient, type ApiClient, type ApiClientOptions } from '../api/api-client.ts';
import { casesApi } from '../api/cases-api.ts';
import { catalogApi } from '../api/catalog-api.ts';
import { runsApi } from '../api/runs-api.ts';
import { secretsApi } from '../api/secrets-api.ts';
import { workflowsApi } from '../api/workflows-api.ts';

/** Everything the signed-in editor calls: the raw client and the resource APIs built on it. */
export interface CaseworkApi {
  client: ApiClient;
  workflows: ReturnType<typeof workflowsApi>;
  runs: ReturnType<typeof runsApi>;
  catalog: ReturnType<typeof catalogApi>;
  access: ReturnType<typeof accessApi>;
  cases: ReturnType<typeof casesApi>;
  secrets: ReturnType<typeof secretsApi>;
}

export function createCaseworkApi(options: ApiClientOptions): CaseworkApi {
  const client = createApiClient(options);
  return {
    client,
    workflows: workflowsApi(client),
    runs: runsApi(client),
    catalog: catalogApi(client),
    access: accessApi(client),
    cases: casesApi(client),
    secrets: secretsApi(client),
  };
}
