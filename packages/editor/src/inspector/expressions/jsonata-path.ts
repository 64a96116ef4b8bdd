/** Names jsonata reads as operators or literals, so a key spelled like one needs backticks. */
const reserved = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);
const plainName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One path step as JSONata source: `amount`, or `` `inquiry-id` `` for keys with `-` and other operators. */
export const jsonataName = (key: string): string =>
  plainName.test(key) && !reserved.has(key) ? key : `\`${key.replace(/`/g, '')}\``;

/** `['steps', 'create-case', 'case', 'id']` → ``steps.`create-case`.case.id``. */
export const jsonataPath = (segments: readonly string[]): string => segments.map(jsonataName).join('.');
