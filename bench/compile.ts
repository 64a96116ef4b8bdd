/**
 * Compile speed (DESIGN.md §7: a 1,000-node graph in well under 50 ms; at most 500 nodes compile).
 *
 *   node --import tsx bench/compile.ts [--iterations=200] [--shared=path/to/shared/src/index.ts]
 *
 * For each size it times two cases after a warm-up: recompiling the same graph (as the editor does on every
 * change: expressions seen before are not parsed again) and compiling a graph whose expressions were never
 * seen (the first compile on a fresh server). `--shared` benchmarks another checkout's shared package.
 */
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type * as SharedPackage from '../packages/shared/src/index.ts';
import { benchCatalog, realisticGraph } from './lib/graphs.ts';

type Shared = typeof SharedPackage;

const { values: args } = parseArgs({
  options: { iterations: { type: 'string', default: '200' }, shared: { type: 'string' } },
});
const iterations = Number(args.iterations);
const shared = (await import(
  args.shared === undefined ? '../packages/shared/src/index.ts' : pathToFileURL(args.shared).href
)) as Shared;
const sizes = [100, 500, 1000];
const warmUp = 30;

/** Milliseconds of each call; `prepare` (not timed) makes each call's input. */
function time<T>(count: number, prepare: (index: number) => T, run: (input: T) => void): number[] {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const input = prepare(index);
    const start = performance.now();
    run(input);
    times.push(performance.now() - start);
  }
  return times;
}

const percentile = (times: readonly number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (times: readonly number[]) =>
  `median ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, min ${ms(percentile(times, 0))}`;

const load = loadavg()
  .map((value) => value.toFixed(1))
  .join(' ');
console.log(
  `compile bench: node ${process.version}, ${availableParallelism()} CPUs, load ${load}, ${new Date().toISOString()}`,
);
console.log(`${iterations} iterations per case after ${warmUp} warm-up compiles\n`);

let variant = 1;
for (const size of sizes) {
  const graph = realisticGraph(size);
  const compile = (input: unknown) => shared.compile(input, benchCatalog);
  const result = compile(graph);
  const sources = graph.nodes.flatMap((node) =>
    shared.expressionStrings(node.params).flatMap((found) => found.expressions.map((e) => e.source)),
  );
  const verdict = result.ok
    ? `ok, ${Object.keys(result.plan.steps).length} steps, plan ${JSON.stringify(result.plan).length} bytes`
    : `rejected: ${result.issues.map((found) => `${found.code} (${found.message})`).join('; ')}`;
  console.log(
    `${size} nodes, ${graph.edges.length} edges, ${sources.length} expressions (${new Set(sources).size} distinct)`,
  );
  console.log(`  result: ${verdict}`);

  time(warmUp, () => realisticGraph(size, { variant: variant++ }), compile);
  time(warmUp, () => graph, compile);
  const recompile = time(iterations, () => graph, compile);
  const fresh = time(iterations, () => realisticGraph(size, { variant: variant++ }), compile);
  console.log(`  recompile, expressions seen before: ${summary(recompile)}`);
  console.log(`  first compile, every expression new: ${summary(fresh)}\n`);
}

// What one jsonata parse costs, against the shared package's own parser entry point.
const parseSources = Array.from({ length: 2000 }, (_, index) => `$count(trigger.items[price > ${index}])`);
shared.parseExpression('warm-up');
const parses = time(
  parseSources.length,
  (index) => parseSources[index] ?? '',
  (source) => shared.parseExpression(source),
);
console.log(`jsonata parse of one fresh source: median ${(percentile(parses, 50) * 1000).toFixed(0)} µs`);
