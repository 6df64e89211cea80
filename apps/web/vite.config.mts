/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = import.meta.dirname;
const apiTarget = 'http://127.0.0.1:3000';

/**
 * Keys of the study-visit, workshop and live-room pages: the "extra" part of each dictionary, fetched
 * after the first page has rendered. Everything else (the header's `.nav` entries included) is "main",
 * which the first render waits for. See lib/i18n (loadDictionary).
 */
// the study-visit, workshop, live-room, training, course and certificate pages' keys (not their header entries)
const EXTRA_KEY =
  /^(visits|workshops|room|training|courses|courseAuthoring|courseReview|trainerDashboard|certificates)\.(?!nav$)/;
const DICTIONARY_PART = /^virtual:dictionary\/(en|fr|es|ar)\/(main|extra)$/;

/**
 * `virtual:dictionary/<language>/<part>`: half of a language's translation.ts as a plain object (one
 * chunk each). The file is read with Node's own TypeScript support (types erased), so the locale files
 * stay as they are for everyone who edits them.
 */
function dictionaryParts(): Plugin {
  return {
    name: 'twinning-dictionary-parts',
    resolveId(id) {
      return DICTIONARY_PART.test(id) ? `\0${id}` : null;
    },
    async load(id) {
      const match = id.startsWith('\0') ? DICTIONARY_PART.exec(id.slice(1)) : null;
      if (!match) return null;
      const [, language, part] = match;
      const file = resolve(root, 'src/locales', language, 'translation.ts');
      this.addWatchFile(file);
      const module = await import(`${pathToFileURL(file).href}?t=${Date.now()}`);
      const dictionary: Record<string, unknown> = module[language];
      const entries = Object.entries(dictionary).filter(([key]) => EXTRA_KEY.test(key) === (part === 'extra'));
      return `export default ${JSON.stringify(Object.fromEntries(entries))};`;
    },
  };
}

const config: UserConfig = {
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
  plugins: [react(), dictionaryParts()],
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
      // The credential signing keys (certificates) live at the origin's root, as well-known routes do.
      '/.well-known': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: { port: 4300, host: '127.0.0.1' },
  build: {
    outDir: resolve(root, '../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // The app's own modules (and the shared contracts) do nothing on import but define things, so a
        // barrel (features/<f>/index.ts) does not drag every component it re-exports into the first
        // chunk: only what the importing page uses comes along. Style sheets keep their effect.
        moduleSideEffects: [
          { test: /\.css$/, sideEffects: true },
          { test: /[\\/](apps[\\/]web|libs[\\/]contracts)[\\/]src[\\/].*\.tsx?$/, sideEffects: false },
        ],
      },
    },
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
};

export default defineConfig(({ command }) => {
  if (command === 'build') {
    // `vite build` is always a production build, whatever NODE_ENV the caller has (`NODE_ENV=development
    // npm start` must not ship React's development bundle, and Nx must not cache one). Vite decides
    // production (minification, React's production runtime) from process.env.NODE_ENV after reading this
    // file, so set it here. The only other variables that reach the bundle are VITE_* ones
    // (import.meta.env): tools/scripts/web-build-env.mjs puts them in the build's Nx cache key.
    process.env.NODE_ENV = 'production';
    // react-router's package exports only its development build (warnings, invariants) to bundlers;
    // ship its production build, which the package also contains.
    return {
      ...config,
      resolve: {
        ...config.resolve,
        alias: [
          ...(config.resolve?.alias as { find: RegExp; replacement: string }[]),
          {
            find: /^react-router$/,
            replacement: resolve(root, '../../node_modules/react-router/dist/production/index.mjs'),
          },
        ],
      },
    };
  }
  return config;
});
