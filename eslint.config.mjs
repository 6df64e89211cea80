import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import prettier from 'eslint-config-prettier';
import twinning from './tools/lint/import-boundaries.mjs';

/**
 * The API's folders and what each may import (see docs/architecture.md). Lower folders never import
 * higher ones; a feature reaches another feature only through that feature's index.ts.
 */
const apiInfra = ['config', 'common', 'database', 'rate-limit', 'access', 'realtime', 'jobs', 'mail'];
const apiBoundaries = {
  root: 'apps/api/src',
  elements: ['database/seed', 'database/migrations', '*'],
  allow: {
    '.': ['*'],
    'database/seed': ['*'],
    'database/migrations': [],
    config: [],
    common: ['config'],
    database: ['config', 'common'],
    'rate-limit': ['config', 'common'],
    jobs: ['config', 'common', 'database'],
    mail: ['config', 'common', 'database', 'rate-limit', 'jobs'],
    access: ['config', 'common', 'database'],
    realtime: ['config', 'common', 'database', 'rate-limit', 'access', 'auth'],
    health: ['config', 'common', 'database'],
    users: ['config', 'common', 'database', 'rate-limit'],
    auth: ['config', 'common', 'database', 'rate-limit', 'users', 'mail'],
    // inbound: only its index (reply addresses), for the Reply-To of thread mail
    notifications: [...apiInfra, 'inbound'],
    calendar: ['config', 'common', 'mail'],
    cities: [...apiInfra, 'notifications', 'users'],
    partnerships: [...apiInfra, 'notifications', 'cities'],
    forums: [...apiInfra, 'notifications'],
    moderation: [...apiInfra, 'notifications', 'forums'],
    visits: [...apiInfra, 'notifications', 'calendar', 'partnerships', 'cities', 'workshops'],
    workshops: [...apiInfra, 'notifications', 'calendar'],
    // training: scheduling creates workshops and course enrolments, through their indexes
    training: [...apiInfra, 'notifications', 'workshops', 'courses'],
    // certificates: issued for what a workshop records; workshops' attendance through its index
    certificates: [...apiInfra, 'workshops'],
    // courses: each course's discussion forum (forums' index, opened when the course is first published);
    // completing one issues its certificate (certificates' index) and notifies the learner
    courses: ['config', 'common', 'database', 'notifications', 'forums', 'certificates'],
    // a read model across features: one query over their tables, with AccessService's conditions
    waiting: ['config', 'common', 'database', 'access'],
    digests: [...apiInfra, 'waiting', 'notifications'],
    home: ['config', 'common', 'database', 'access', 'waiting'],
    inbound: [...apiInfra, 'forums'],
  },
  entry: {
    ...Object.fromEntries(
      [
        'users',
        'auth',
        'notifications',
        'calendar',
        'cities',
        'partnerships',
        'forums',
        'moderation',
        'visits',
        'workshops',
        'training',
        'certificates',
        'courses',
        'waiting',
        'digests',
        'home',
      ].map((feature) => [feature, ['index.ts']]),
    ),
    // Reply addresses (index.ts) apart from the module that receives mail and posts through the
    // forums (inbound.module.ts), so the notification mail can use them without an import cycle.
    inbound: ['index.ts', 'inbound.module.ts'],
  },
};

/** The web client's folders (bulletproof-react): features never import each other; app composes them. */
const webBoundaries = {
  root: 'apps/web/src',
  elements: ['features/*', '*'],
  allow: {
    '.': ['*'],
    app: ['*'],
    test: ['*'],
    'features/*': ['lib', 'components', 'locales', 'test'],
    components: ['lib', 'locales'],
    lib: ['locales', 'test'],
    locales: ['lib'],
  },
  // permissions.ts: the small role checks the router needs before any feature's chunk has loaded.
  entry: { 'features/*': ['index.ts', 'permissions.ts'] },
};

/** Source files may not grow past this; split them by use case instead (docs/architecture.md). */
const MAX_LINES = 450;

export default [
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.nx/**',
      '**/coverage/**',
      'apps/web-e2e/artifacts/**',
      '.data/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.mjs', '**/*.js'],
    rules: {
      // Project boundaries: the web client never imports the API; contracts import neither app.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:e2e', 'scope:shared'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
  },
  {
    // Nest resolves constructor parameters from emitted metadata: injected classes must stay value imports.
    files: ['apps/api/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'react', 'react-dom', 'class-validator', 'class-transformer'],
              message: 'contracts stay framework-free: types and constants only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    plugins: { twinning },
    rules: { 'twinning/import-boundaries': ['error', apiBoundaries] },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    plugins: { twinning },
    rules: { 'twinning/import-boundaries': ['error', webBoundaries] },
  },
  {
    files: ['apps/*/src/**/*.{ts,tsx,mts}', 'libs/*/src/**/*.{ts,tsx,mts}'],
    ignores: [
      '**/*.spec.ts',
      '**/*.spec.tsx',
      '**/*.int-spec.ts',
      'apps/api/src/database/migrations/**',
      'apps/api/src/database/seed/**',
      'apps/web/src/locales/**',
      'apps/web/src/test/**',
    ],
    rules: { 'max-lines': ['error', { max: MAX_LINES, skipBlankLines: false, skipComments: false }] },
  },
  prettier,
];
