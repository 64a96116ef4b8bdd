// Small console helpers shared by the bootstrap, start and test scripts (plain Node, no dependencies).
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);

export const bold = (text) => paint('1', text);
export const dim = (text) => paint('2', text);
export const green = (text) => paint('32', text);
export const red = (text) => paint('31', text);
export const yellow = (text) => paint('33', text);
export const cyan = (text) => paint('36', text);

/** A logger that prefixes each line with a tag, e.g. `[casework] installing…`. */
export function createLog(tag = 'casework') {
  const prefix = dim(`[${tag}]`);
  return {
    info: (message) => console.log(`${prefix} ${message}`),
    warn: (message) => console.warn(`${prefix} ${yellow(message)}`),
    error: (message) => console.error(`${prefix} ${red(message)}`),
  };
}

/** An error meant for the user: printed without a stack trace. */
export class UserFacingError extends Error {
  name = 'UserFacingError';
}
