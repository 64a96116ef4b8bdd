import path from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** A Markdown table with columns padded the way Prettier pads them, so the file stays `prettier --check` clean. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Wraps a paragraph at `width` columns, as the repository's Markdown is wrapped (Prettier leaves prose as is). */
export function wrap(paragraph: string, width = 120): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/**
 * Writes `results` into the `## heading` section of a Markdown file, between the section's results markers; the
 * rest of the section (hand-written notes) and every other section stay as they are. A missing file or section is
 * created from `skeleton`, which must contain the markers.
 */
export function writeResults(
  file: string,
  heading: string,
  results: string,
  skeleton: (markers: { start: string; end: string }) => string,
): void {
  const markers = {
    start: '<!-- results: written by the bench, the rest of this section by hand -->',
    end: '<!-- /results -->',
  };
  const block = `${markers.start}\n\n${results.trim()}\n\n${markers.end}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const title = `## ${heading}`;
  const start = text.split('\n').findIndex((line) => line.trim() === title);
  if (start === -1) {
    const section = skeleton(markers).replace(`${markers.start}\n\n${markers.end}`, block);
    writeFileSync(file, `${text.trimEnd()}\n\n${title}\n\n${section.trim()}\n`);
    return;
  }
  const lines = text.split('\n');
  const next = lines.findIndex((line, index) => index > start && /^## /.test(line));
  const end = next === -1 ? lines.length : next;
  const section = lines.slice(start, end).join('\n');
  const from = section.indexOf(markers.start);
  const to = section.indexOf(markers.end);
  if (from === -1 || to < from) throw new Error(`${file}: "${title}" has no results markers; add them or remove it`);
  const updated = section.slice(0, from) + block + section.slice(to + markers.end.length);
  writeFileSync(file, [...lines.slice(0, start), ...updated.split('\n'), ...lines.slice(end)].join('\n'));
}

/**
 * Writes a bench's `report` into its `## heading` section of docs/benchmarks.md, creating the section (with `intro`
 * above the results and `outro` below them) when it is missing, and says so.
 */
export function writeBenchmarkSection(
  repoRoot: string,
  heading: string,
  report: string,
  intro: string,
  outro?: string,
) {
  const file = path.join(repoRoot, 'docs', 'benchmarks.md');
  writeResults(
    file,
    heading,
    report,
    ({ start, end }) => `${wrap(intro)}\n\n${start}\n\n${end}\n${outro ? `\n${wrap(outro)}\n` : ''}`,
  );
  console.log(`wrote ${path.relative(repoRoot, file)}`);
}

/**
 * The bench's arguments as a report quotes them: without `--write` (not about the measurement) and `--stack TEXT`
 * (which the report describes in its own words).
 */
export function reportedArgs(argv: readonly string[] = process.argv.slice(2)): string {
  return argv.filter((arg, index) => arg !== '--write' && arg !== '--stack' && argv[index - 1] !== '--stack').join(' ');
}
