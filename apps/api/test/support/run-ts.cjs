// Runs the API's TypeScript sources in a plain Node child process, without a build:
//   node --require apps/api/test/support/run-ts.cjs apps/api/src/main.ts
// Integration tests that need a real, separate server process (one they can SIGKILL) start it this
// way. `.ts` files are compiled on load by @swc/core with the same options as the Jest transform
// (legacy decorators and their metadata, CommonJS), and @twinning/contracts resolves to its sources,
// so the child runs exactly the code under test, even when nothing has been built yet.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const contractsEntry = path.resolve(__dirname, '../../../../libs/contracts/src/index.ts');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolve(request, ...rest) {
  return resolveFilename.call(this, request === '@twinning/contracts' ? contractsEntry : request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
