// The browser side of bench/editor.ts: the editor's own headless Chromium (playwright-core, as its browser tests
// launch it), the graphs it opens and the in-page probes that time rendering and panning.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Playwright from '../../packages/editor/node_modules/playwright-core/index.js';
import type { Graph } from '../../packages/shared/src/index.ts';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/lib/chromium.mjs';
import type { CaseworkClient } from './casework-client.ts';
import { benchCatalog, realisticGraph } from './graphs.ts';

export type Browser = Playwright.Browser;
export type Page = Playwright.Page;

/** Launches the system Chromium as the editor's browser tests do (packages/editor/test/browser/browser.ts). */
export async function launchChromium(repoRoot: string): Promise<Browser> {
  const executablePath = await ensureChromium({ log: (line) => console.log(`[chromium] ${line}`) });
  // playwright-core is the editor package's dev dependency, not the root's.
  const requireFromEditor = createRequire(path.join(repoRoot, 'packages', 'editor', 'package.json'));
  const { chromium } = requireFromEditor('playwright-core') as typeof Playwright;
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Node sizes of the layout: the editor's nodes are about 220 × 70 px. */
const columnWidth = 300;
const rowHeight = 150;

/**
 * `realisticGraph(size)` with its template and queue ids replaced by real ones and its nodes laid out in rows of
 * a grid about as wide as a 16:9 screen (in graph order), so fit-to-view shows every node without overlaps.
 */
export function editorGraph(size: number, ids: { templateId: string; queueId: string }): Graph {
  const text = JSON.stringify(realisticGraph(size))
    .replaceAll('"ctmpl_bench"', JSON.stringify(ids.templateId))
    .replaceAll('"cqueue_bench"', JSON.stringify(ids.queueId));
  const graph = JSON.parse(text) as Graph;
  const columns = Math.ceil(Math.sqrt((size * 16 * rowHeight) / (9 * columnWidth)));
  graph.nodes.forEach((node, index) => {
    node.position = { x: (index % columns) * columnWidth, y: Math.floor(index / columns) * rowHeight };
  });
  return graph;
}

/** The template and queue `benchCatalog` describes, created on the stack (template keys are unique for good). */
export async function setUpCatalog(api: CaseworkClient, suffix: string) {
  const template = benchCatalog.templates[0];
  if (!template) throw new Error('benchCatalog has no template');
  const { data: created } = await api.expect<{ id: string }>(201, 'POST', '/case-templates', {
    data: {
      attributes: {
        name: `Editor bench (${suffix})`,
        key: `EDBENCH${suffix}`,
        statuses: template.statuses,
        'field-schemas': template.fieldSchemas.map((field) => ({ ...field, label: field.key })),
      },
    },
  });
  const { data: queue } = await api.expect<{ id: string }>(201, 'POST', '/case-queues', {
    data: { attributes: { name: `Editor bench queue (${suffix})` } },
  });
  return { templateId: created.id, queueId: queue.id };
}

/**
 * Installed before the editor's own scripts: records (in `performance.now()` time, i.e. ms since navigation start)
 * the last change anywhere in the React Flow renderer (nodes added or measured, edges drawn, the viewport fitted)
 * and every long task, and collects `requestAnimationFrame` timestamps while `window.__benchFrames` is an array.
 */
export const probeScript = `(() => {
  const probe = { lastRender: 0, longTasks: [] };
  window.__benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const target = mutation.target.nodeType === 1 ? mutation.target : mutation.target.parentElement;
      if (target && target.closest && target.closest('.react-flow__renderer')) {
        probe.lastRender = performance.now();
        return;
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

/** What the page shows: rendered nodes (and how many are visible, i.e. measured), the last render change. */
export interface RenderState {
  nodes: number;
  visible: number;
  lastRender: number;
  now: number;
  issueCodes: string[];
}

const renderStateScript = `(() => {
  const nodes = [...document.querySelectorAll('.react-flow__node')];
  return {
    nodes: nodes.length,
    visible: nodes.filter((node) => node.style.visibility !== 'hidden').length,
    lastRender: window.__benchProbe.lastRender,
    now: performance.now(),
    issueCodes: [...document.querySelectorAll('.issues-panel .issue-code')].map((code) => code.textContent),
  };
})()`;

export const renderState = (page: Page) => page.evaluate<RenderState>(renderStateScript);

export interface FirstRender {
  /** ms from navigation start to the last change of the canvas before it settled. */
  renderedMs: number;
  /** ms from navigation start until the main thread was free: the end of the last long task, if later. */
  interactiveMs: number;
  nodes: number;
  issueCodes: string[];
}

/**
 * Opens `url` and waits until the canvas settled: nodes on it, all of them measured (visible), and nothing in the
 * renderer changed for `quietMs`.
 */
export async function openAndTimeFirstRender(
  page: Page,
  url: string,
  { quietMs = 1500, timeoutMs = 120_000 } = {},
): Promise<FirstRender> {
  await page.addInitScript({ content: probeScript });
  await page.goto(url);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await renderState(page);
    if (state.nodes > 0 && state.visible === state.nodes && state.now - state.lastRender >= quietMs) {
      const longTasks = await page.evaluate<[number, number][]>('window.__benchProbe.longTasks');
      const busyUntil = Math.max(0, ...longTasks.map(([start, duration]) => start + duration));
      return {
        renderedMs: state.lastRender,
        interactiveMs: Math.max(state.lastRender, busyUntil),
        nodes: state.nodes,
        issueCodes: state.issueCodes,
      };
    }
    if (Date.now() > deadline) {
      throw new Error(`the canvas did not settle within ${timeoutMs} ms: ${JSON.stringify(state)}`);
    }
    await page.waitForTimeout(100);
  }
}

/** A point of the empty pane (not a node, edge or overlay) near the centre of the canvas: where a drag pans. */
const emptyPanePointScript = `(() => {
  const pane = document.querySelector('.react-flow__pane');
  if (!pane) return null;
  const box = pane.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  const candidates = [];
  for (let dy = 0; dy < box.height / 3; dy += 4)
    for (let dx = 0; dx < box.width / 3; dx += 4)
      candidates.push([cx + dx, cy + dy], [cx - dx, cy - dy], [cx + dx, cy - dy], [cx - dx, cy + dy]);
  for (const [x, y] of candidates) {
    const element = document.elementFromPoint(x, y);
    if (element && element.classList.contains('react-flow__pane')) return { x, y };
  }
  return null;
})()`;

export interface PanResult {
  /** Intervals between consecutive animation frames while panning, ms. */
  frames: number[];
  /** Whether the viewport moved: the drag panned rather than doing something else. */
  moved: boolean;
  /** The zoom while panning. */
  zoom: number;
  /** `.react-flow__node` elements on the page at the end of the pan. */
  rendered: number;
}

const viewportTransform = (page: Page) =>
  page.evaluate<string>(`document.querySelector('.react-flow__viewport')?.style.transform ?? ''`);

/** The zoom of a React Flow viewport transform, `translate(x, y) scale(z)`. */
const zoomOf = (transform: string) => Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? Number.NaN);

/**
 * Zooms in with the mouse wheel over the centre of the canvas until the zoom reaches `target` (the last wheel step
 * may overshoot a little): where a designer works on a large graph, reading and editing nodes.
 */
export async function zoomTo(page: Page, target: number, { maxSteps = 40 } = {}): Promise<number> {
  const box = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const box = pane.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  })()`);
  if (!box) throw new Error('no canvas to zoom');
  await page.mouse.move(box.x, box.y);
  for (let step = 0; step < maxSteps; step++) {
    const zoom = zoomOf(await viewportTransform(page));
    if (zoom >= target) break;
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(50);
  }
  // Let the nodes that came into view mount and be measured.
  await page.waitForTimeout(1000);
  return zoomOf(await viewportTransform(page));
}

/**
 * Drags the pane with the mouse for `durationMs`, back and forth (a figure of eight of ±`amplitude` px, so the graph
 * stays in view), one move every `stepMs`, while the page records `requestAnimationFrame` timestamps.
 */
export async function timePanning(
  page: Page,
  { durationMs = 3000, stepMs = 16, amplitude = 300 } = {},
): Promise<PanResult> {
  const start = await page.evaluate<{ x: number; y: number } | null>(emptyPanePointScript);
  if (!start) throw new Error('found no empty spot of the pane to drag');
  const before = await viewportTransform(page);
  await page.evaluate(`(() => {
    const frames = [];
    window.__benchFrames = frames;
    const tick = (time) => {
      if (window.__benchFrames !== frames) return;
      frames.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const began = Date.now();
  let moved = false;
  for (let elapsed = 0; elapsed < durationMs; elapsed = Date.now() - began) {
    const phase = (2 * Math.PI * elapsed) / durationMs;
    await page.mouse.move(start.x + amplitude * Math.sin(phase), start.y + (amplitude / 2) * Math.sin(2 * phase));
    if (!moved && (await viewportTransform(page)) !== before) moved = true;
    const next = began + (Math.floor(elapsed / stepMs) + 1) * stepMs;
    const wait = next - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await page.mouse.move(start.x, start.y);
  await page.mouse.up();
  const stamps = await page.evaluate<number[]>(`(() => {
    const frames = window.__benchFrames;
    window.__benchFrames = null;
    return frames;
  })()`);
  const frames = stamps.slice(1).map((stamp, index) => stamp - (stamps[index] ?? stamp));
  const rendered = await page.evaluate<number>(`document.querySelectorAll('.react-flow__node').length`);
  return { frames, moved, zoom: zoomOf(await viewportTransform(page)), rendered };
}
