import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A point on the page, in CSS pixels from its top-left corner (or, where said, from the canvas pane's). */
export interface Point {
  x: number;
  y: number;
}

/** A label's accessible text, with or without the required marker the inspector puts after it. */
export const labelled = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`);

/** Where a cell of the drawing grid is, from the canvas pane's top-left corner: cells of 280 × 220 pixels. */
export const cell = (column: number, row: number): Point => ({ x: 150 + column * 280, y: 120 + row * 220 });

/**
 * Drives a workflow page the way a user does: the palette, the canvas (nodes, handles, edges) and the inspector.
 * Every action waits for its effect, so a test can chain them.
 */
export function editorDriver(page: Page) {
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  const handle = (id: string, handleId: string) => node(id).locator(`.react-flow__handle[data-handleid="${handleId}"]`);
  const inspector = () => page.getByTestId('inspector');
  const nodeIds = () =>
    page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((each) => each.getAttribute('data-id') ?? ''));
  const edgeCount = () => page.locator('.react-flow__edge').count();

  async function centre(locator: Locator): Promise<Point> {
    await locator.waitFor();
    const box = await locator.boundingBox();
    if (!box) throw new Error(`${String(locator)} has no box`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** A point of the canvas pane, given from the pane's top-left corner, on the page. */
  async function onPane(at: Point): Promise<Point> {
    const box = await page.locator('.react-flow__pane').boundingBox();
    if (!box) throw new Error('the canvas pane has no box');
    return { x: box.x + at.x, y: box.y + at.y };
  }

  async function select(id: string): Promise<void> {
    await node(id).locator('.workflow-node-label').click();
    await expect.poll(() => inspector().getByLabel('Node id').inputValue()).toBe(id);
  }

  /** The id of the one node that appeared since `before`, once it is on the canvas and in the inspector. */
  async function newNode(before: readonly string[]): Promise<string> {
    await page.waitForFunction(
      (count) => document.querySelectorAll('.react-flow__node').length === count + 1,
      before.length,
    );
    const added = (await nodeIds()).filter((id) => !before.includes(id));
    expect(added).toHaveLength(1);
    const id = added[0] ?? '';
    await expect.poll(() => inspector().getByLabel('Node id').inputValue()).toBe(id);
    return id;
  }

  /** Drags a palette item onto the canvas pane at `at` (from the pane's corner); returns the new node's id. */
  async function dragFromPalette(kind: string, at: Point): Promise<string> {
    const before = await nodeIds();
    const pane = page.locator('.react-flow__pane');
    await page.locator(`.palette-item[data-kind="${kind}"]`).dragTo(pane, { targetPosition: at });
    return newNode(before);
  }

  /** Click-to-add: with `after` selected, the new node lands to its right, connected from its first free output. */
  async function clickToAdd(kind: string, after: string): Promise<string> {
    await select(after);
    const before = await nodeIds();
    await page.locator(`.palette-item[data-kind="${kind}"]`).click();
    return newNode(before);
  }

  /** Drags from a node's output handle to another node's input handle, and waits for the edge. */
  async function connect(source: string, sourceHandle: string, target: string): Promise<void> {
    const before = await edgeCount();
    const from = await centre(handle(source, sourceHandle));
    const to = await centre(handle(target, 'in'));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 30, from.y + 10, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction((count) => document.querySelectorAll('.react-flow__edge').length === count + 1, before);
  }

  /** Moves a node, held by its label, to `at` on the canvas pane (from the pane's corner). */
  async function moveNode(id: string, at: Point): Promise<void> {
    const from = await centre(node(id).locator('.workflow-node-label'));
    const to = await onPane(at);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
  }

  /**
   * Zooms out with the wheel, as a user would, until a workflow drawn on the `cell` grid fits the canvas (four
   * columns and three rows at least), and puts node `id` in the first cell.
   */
  async function startGrid(id = 'trigger'): Promise<void> {
    const pane = await centre(page.locator('.react-flow__pane'));
    await page.mouse.move(pane.x, pane.y);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => {
      const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
      return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? '1') < 0.85;
    });
    await moveNode(id, cell(0, 0));
  }

  /** Types into an inspector input, then leaves it (closing any suggestion list it opened). */
  async function enter(control: Locator, text: string): Promise<void> {
    await control.fill(text);
    await control.blur();
  }

  /** A picker: a select once its choices are known, a text input while they aren't. */
  async function choose(control: Locator, value: string): Promise<void> {
    await control.waitFor();
    const tag = await control.evaluate((element) => element.tagName);
    if (tag === 'SELECT') await control.selectOption({ value });
    else await control.fill(value);
  }

  async function setLabel(text: string): Promise<void> {
    await enter(inspector().getByLabel('Label', { exact: true }).first(), text);
  }

  async function pickCase(upstream: string): Promise<void> {
    await choose(inspector().getByLabel(labelled('Case')), upstream);
  }

  /** Adds operation number `index` to the selected node: its target (`on`, a Field or Variable), operation and value. */
  async function operation(index: number, on: 'Field' | 'Variable', target: string, op: string, value: string) {
    await inspector().getByRole('button', { name: 'Add operation' }).click();
    const group = inspector().getByRole('group', { name: `Operation ${index}` });
    await choose(group.getByLabel(labelled(on)), target);
    await group.getByLabel(labelled('Operation')).selectOption(op);
    await enter(group.getByLabel(labelled('Value')), value);
  }

  /** Adds a `case.update-fields` operation: the field from the template, the operation, the value. */
  const addOperation = (index: number, field: string, op: string, value: string) =>
    operation(index, 'Field', field, op, value);

  /** Adds a `data.set-variables` operation: the declared variable, the operation, the value. */
  const addVariableOperation = (index: number, variable: string, op: string, value: string) =>
    operation(index, 'Variable', variable, op, value);

  /**
   * The handles a drawn edge runs between, each as `node:handle`: the ones whose boxes hold the ends of its path
   * (React Flow draws an edge from the rim of the handle it leaves to the rim of the one it enters); '' for an end
   * on no handle.
   */
  function drawnBetween(edge: Locator): Promise<{ from: string; to: string }> {
    return edge.locator('path.react-flow__edge-path').evaluate((path: SVGPathElement) => {
      const slack = 3;
      const handleAt = (length: number) => {
        const { x, y } = path.getPointAtLength(length).matrixTransform(path.getScreenCTM() ?? undefined);
        const found = [...document.querySelectorAll('.react-flow__handle')].find((each) => {
          const box = each.getBoundingClientRect();
          return x >= box.left - slack && x <= box.right + slack && y >= box.top - slack && y <= box.bottom + slack;
        });
        return found ? `${found.getAttribute('data-nodeid') ?? ''}:${found.getAttribute('data-handleid') ?? ''}` : '';
      };
      return { from: handleAt(0), to: handleAt(path.getTotalLength()) };
    });
  }

  return {
    startGrid,
    node,
    handle,
    inspector,
    centre,
    select,
    dragFromPalette,
    clickToAdd,
    connect,
    moveNode,
    enter,
    choose,
    setLabel,
    pickCase,
    addOperation,
    addVariableOperation,
    drawnBetween,
  };
}
