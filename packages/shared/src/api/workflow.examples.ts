/** Examples of the Workflows API's documents (OpenAPI): one small valid workflow, as drafted and as compiled. */
const position = (x: number) => ({ x, y: 0 });
const exampleFields = [{ key: 'amount', type: 'number', required: true }];
const exampleCreateParams = {
  'case-template-id': 'ctmpl_P7JEC4FQ8mdBpoDRIy5f8O3L',
  fields: { amount: '{{ trigger.amount }}' },
};
export const exampleGraph = {
  nodes: [
    { id: 'trigger', kind: 'trigger.api', version: 1, position: position(0), params: { fields: exampleFields } },
    {
      id: 'create-case',
      kind: 'case.create',
      version: 1,
      label: 'Create KYC case',
      position: position(240),
      params: exampleCreateParams,
    },
    { id: 'done', kind: 'end', version: 1, position: position(480), params: {} },
  ],
  edges: [
    { id: 'trigger-create-case', source: 'trigger', target: 'create-case' },
    { id: 'create-case-done', source: 'create-case', target: 'done' },
  ],
};
export const examplePlan = {
  version: 1,
  trigger: 'trigger',
  steps: {
    trigger: {
      kind: 'trigger.api',
      version: 1,
      label: 'trigger',
      params: { fields: exampleFields },
      next: { next: 'create-case' },
    },
    'create-case': {
      kind: 'case.create',
      version: 1,
      label: 'Create KYC case',
      params: {
        ...exampleCreateParams,
        'object-ids': [],
        'continue-on-error': false,
        retry: { 'max-attempts': 3, 'initial-interval': { amount: 1, unit: 'seconds' } },
      },
      next: { next: 'done' },
    },
    done: { kind: 'end', version: 1, label: 'done', params: {}, next: {} },
  },
};
export const exampleWorkflowId = 'wfl_P7PA3sVt0aGm9bY1kQ2xZr4c';
export const exampleVersionId = 'wfv_P7PA47qHc2Lw0oTn5uJd8eXs';
export const exampleKeyId = 'key_GV4o40nJdVQMq-FT5xHdaEHr';
