// What the benches that drive a running stack (bench/trigger.ts, bench/editor.ts) start and end with.
import { clientOptionsFromEnv, createCaseworkClient } from './casework-client.ts';
import { machineFacts } from './machine-facts.ts';

/**
 * The machine's facts, read first (the load average then is other work on the machine, not ours), and a client of
 * the stack at CASEWORK_URL with CASEWORK_API_KEY.
 */
export function stackBenchContext(repoRoot: string) {
  const facts = machineFacts(repoRoot);
  const client = clientOptionsFromEnv(repoRoot);
  return { facts, client, api: createCaseworkClient(client) };
}

/** Runs a bench's `main` and exits with the code it returns; a failure exits 1 with its message only. */
export function runBench(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
