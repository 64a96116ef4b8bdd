import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('the api serves the built editor', () => {
  let t: TestApp;
  let parentDir: string;
  let editorDir: string;
  beforeAll(async () => {
    // Under a folder named `assets`: only the editor's own assets/ may be cached for good, not everything below it.
    parentDir = await mkdtemp(path.join(tmpdir(), 'casework-editor-'));
    editorDir = path.join(parentDir, 'assets', 'dist');
    await mkdir(editorDir, { recursive: true });
    await mkdir(path.join(editorDir, 'assets'));
    await writeFile(path.join(editorDir, 'index.html'), '<!doctype html><script src="/assets/index-a1.js"></script>');
    await writeFile(path.join(editorDir, 'assets', 'index-a1.js'), 'console.log("first build")');
    t = await createTestApp({ CASEWORK_EDITOR_DIR: editorDir });
  });
  afterAll(async () => {
    await t.close();
    await rm(parentDir, { recursive: true, force: true });
  });

  const get = (url: string, accept = '*/*') => t.app.inject({ method: 'GET', url, headers: { accept } });

  it('serves index.html at / for revalidation on every load, and hashed assets for good', async () => {
    const page = await get('/', 'text/html');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/assets/index-a1.js');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await get('/assets/index-a1.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('serves a rebuilt editor without a restart', async () => {
    await writeFile(path.join(editorDir, 'assets', 'index-b2.js'), 'console.log("second build")');
    await writeFile(path.join(editorDir, 'index.html'), '<!doctype html><script src="/assets/index-b2.js"></script>');
    expect((await get('/', 'text/html')).body).toContain('/assets/index-b2.js');
    const asset = await get('/assets/index-b2.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain('second build');
  });

  it('gives a browser index.html for client-side routes, and API clients the API error format', async () => {
    const page = await get('/workflows/wfl_123', 'text/html');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expectApiError(await get('/assets/missing.js', 'application/json'), 404);
    expectApiError(await get('/api/v1/no-such-thing', 'text/html'), 404);
  });
});
