import { createLog, UserFacingError } from './log.mjs';

/** Runs a script body with a logger; user-facing failures print without a stack and exit 1. */
export async function main(tag, body) {
  const log = createLog(tag);
  try {
    const code = await body(log);
    process.exitCode = typeof code === 'number' ? code : 0;
  } catch (error) {
    if (error instanceof UserFacingError || error?.commandFailed) log.error(error.message);
    else log.error(error?.stack ?? String(error));
    process.exitCode = error?.exitCode || 1;
  }
}
