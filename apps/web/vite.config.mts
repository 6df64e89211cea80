/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  cacheDir: resolve(root, '../../node_modules/.vite/apps/web'),
  resolve: {
    alias: [
      {
        // Type-check and bundle the shared contracts from source, not from their CommonJS build.
        find: /^@twinning\/contracts$/,
        replacement: resolve(root, '../../libs/contracts/src/index.ts'),
      },
    ],
  },
  plugins: [react()],
  server: {
    port: 4200,
    strictPort: true,
    host: '127.0.0.1',
    proxy: {
      '/api': {
        target: apiTarget,
        changeOrigin: true,
        // The API refuses refresh/logout from origins it does not know; in development the browser's
        // origin is this server's, so present the API's own origin instead.
        configure: (proxy) => {
          proxy.on('proxyReq', (proxyReq) => {
            if (proxyReq.getHeader('origin')) proxyReq.setHeader('origin', apiTarget);
          });
        },
      },
      '/socket.io': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  preview: { port: 4300, host: '127.0.0.1' },
  build: {
    outDir: resolve(root, '../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    watch: false,
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.spec.tsx', 'src/**/*.spec.ts'],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
    // Form specs type whole forms with user-event: a few seconds each on a busy 2-core CI machine.
    testTimeout: 15_000,
  },
});
