// @ts-check
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/**
 * Unit specs live beside the code (src/**\/*.spec.ts); integration specs (test/**\/*.int-spec.ts)
 * boot the app against a real PostgreSQL — DATABASE_URL's server, or the embedded one.
 * They share one database, so they run in band.
 */
/** @type {import('jest').Config} */
const config = {
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': /** @type {any} */ (swc) },
  // Nest 12, some Fastify plugins, htmlparser2 (under sanitize-html), ical.js (calendar tests) and
  // json-schema-ref-parser (under swagger-parser, OpenAPI test), pg-boss and its ESM dependencies ship ESM;
  // let swc turn them into CommonJS for Jest.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@standard-schema|@fastify/cookie|@fastify/static|light-my-request|cookie|content-disposition|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities|ical\\.js|@apidevtools/json-schema-ref-parser|pg-boss|serialize-error|non-error|rrule-temporal|temporal-spec|jose)/)',
  ],
  moduleNameMapper: { '^@twinning/contracts$': '<rootDir>/../../libs/contracts/src/index.ts' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 30_000,
};

module.exports = config;
