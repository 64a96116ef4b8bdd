import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the editor runs on Vite's server and reaches the api through this proxy;
// in production the api serves the built editor itself, so the paths are same-origin either way.
const apiTarget = `http://localhost:${process.env.CASEWORK_API_PORT ?? 3000}`;
const apiPaths = ['/api', '/healthz', '/readyz', '/docs', '/openapi.json'];

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget, changeOrigin: true }])),
  },
});
