import path from 'node:path';
import { run } from './exec.mjs';
import { waitFor } from './ports.mjs';
import { findPython } from './prerequisites.mjs';

const script = path.join(import.meta.dirname, 'temporal-visibility.py');

/** The search-attribute slots (Keyword06, KeywordList01, …) the server's namespaces have given registered names. */
async function slotsInUse(temporalCli, address) {
  const output = await run(temporalCli, ['operator', 'namespace', 'list', '--address', address, '-o', 'json'], {
    quiet: true,
  });
  const namespaces = JSON.parse(output);
  const aliases = namespaces.map((namespace) => namespace.config?.customSearchAttributeAliases ?? {});
  return { slots: aliases.flatMap(Object.keys), names: new Set(aliases.flatMap(Object.values)) };
}

/**
 * Drops the dev server's visibility indexes on search-attribute slots that no registered attribute uses, and puts
 * back the index of a slot that has come into use (scripts/lib/temporal-visibility.py). Each of those indexes is
 * over a column computed from the row's search attributes as JSON, so each cost every visibility write (a run's
 * start, its search attributes, its close; an SLA timer's start) a JSON parse and a B-tree update: 33 of the 58
 * indexes on a fresh server. Dropped, they take about 6% off the dev server's CPU per run (docs/benchmarks.md,
 * "Temporal's visibility indexes"). A query on an unused slot still answers, by a scan.
 *
 * Waits until the attributes `expected` names are registered (the dev server registers them just after it starts
 * serving), so their slots keep their indexes. Resolves to what changed; rejects when it cannot tell.
 */
export async function fitVisibilityIndexes({ temporalCli, address, dbFile, expected, timeoutMs = 10_000 }) {
  const inUse = await waitFor(
    async () => {
      const found = await slotsInUse(temporalCli, address);
      return expected.every((name) => found.names.has(name)) ? found : null;
    },
    { timeoutMs, what: `the search attributes ${expected.join(', ')} to be registered` },
  );
  const output = await run(findPython(), [script, dbFile, ...inUse.slots], { quiet: true });
  return JSON.parse(output.trim().split('\n').at(-1));
}
