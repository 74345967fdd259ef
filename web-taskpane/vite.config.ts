/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// The API serves dist/ at /taskpane/ (index.html), /demo (demo.html) and /stats (stats.html), on the same origin as /api.
export default defineConfig({
  base: '/taskpane/',
  build: {
    target: 'es2022',
    rollupOptions: { input: { taskpane: page('index.html'), demo: page('demo.html'), stats: page('stats.html'), 'auth-dialog': page('auth-dialog.html') } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5080' },
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
  },
});
