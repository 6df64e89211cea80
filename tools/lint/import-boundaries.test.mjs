// The architecture's lint rules, proved two ways: the rule on its own (RuleTester, small fixtures),
// and the workspace's real eslint.config.mjs on deliberate violations placed in real folders.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { importBoundaries, partOf } from './import-boundaries.mjs';

const workspace = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

describe('partOf', () => {
  const elements = ['database/seed', 'features/*', '*'];
  it('names the part a file belongs to, most specific pattern first', () => {
    assert.deepEqual(partOf(elements, 'main.ts'), { pattern: '.', name: '.' });
    assert.deepEqual(partOf(elements, 'database/seed/demo.ts'), { pattern: 'database/seed', name: 'database/seed' });
    assert.deepEqual(partOf(elements, 'database/data-source.ts'), { pattern: '*', name: 'database' });
    assert.deepEqual(partOf(elements, 'features/visits/api/get-visit.ts'), {
      pattern: 'features/*',
      name: 'features/visits',
    });
  });
});

describe('import-boundaries on fixtures', () => {
  const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, sourceType: 'module' } });
  const options = [
    {
      root: 'apps/api/src',
      elements: ['*'],
      allow: { common: [], visits: ['common', 'partnerships'], partnerships: ['common'] },
      entry: { partnerships: ['index.ts'] },
    },
  ];
  const file = (rel) => path.join(workspace, 'apps/api/src', rel);
  tester.run('import-boundaries', importBoundaries, {
    valid: [
      { filename: file('visits/visits.service.ts'), code: "import { x } from './visit-rows';", options },
      { filename: file('visits/visits.service.ts'), code: "import { x } from '../common/sql';", options },
      { filename: file('visits/visits.service.ts'), code: "import { x } from '../partnerships';", options },
      { filename: file('visits/visits.service.ts'), code: "import { x } from '../partnerships/index';", options },
      { filename: file('visits/visits.service.ts'), code: "import { x } from '@twinning/contracts';", options },
    ],
    invalid: [
      {
        filename: file('visits/visits.service.ts'),
        code: "import { x } from '../partnerships/partnerships.repository';",
        options,
        errors: [{ messageId: 'entry' }],
      },
      {
        filename: file('common/sql.ts'),
        code: "import { x } from '../visits';",
        options,
        errors: [{ messageId: 'forbidden' }],
      },
      {
        filename: file('partnerships/partnerships.service.ts'),
        code: "export { x } from '../visits/visit-rows';",
        options,
        errors: [{ messageId: 'forbidden' }],
      },
      {
        filename: file('partnerships/partnerships.service.ts'),
        code: "const m = await import('../visits/visits.service');",
        options,
        errors: [{ messageId: 'forbidden' }],
      },
    ],
  });
});

describe('the workspace configuration fails on deliberate violations', () => {
  const eslint = new ESLint({ cwd: workspace });
  /** Lints `code` as if it were the file `rel`, with eslint.config.mjs; returns the boundary errors. */
  async function boundaryErrors(rel, code) {
    const [result] = await eslint.lintText(code, { filePath: path.join(workspace, rel) });
    return result.messages.filter((m) => m.ruleId === 'twinning/import-boundaries').map((m) => m.message);
  }

  it('API: a feature importing another feature’s internals', async () => {
    const errors = await boundaryErrors(
      'apps/api/src/visits/deliberate-violation.ts',
      "import { PartnershipsModule } from '../partnerships/partnerships.module';\nexport const m = PartnershipsModule;\n",
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /visits may reach partnerships only through partnerships\/index\.ts/);
  });

  it('API: a lower folder importing a feature', async () => {
    const errors = await boundaryErrors(
      'apps/api/src/common/deliberate-violation.ts',
      "import { VisitsModule } from '../visits';\nexport const m = VisitsModule;\n",
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /common may not import visits/);
  });

  it('API: a feature importing a feature above it', async () => {
    const errors = await boundaryErrors(
      'apps/api/src/partnerships/deliberate-violation.ts',
      "import { VisitsModule } from '../visits';\nexport const m = VisitsModule;\n",
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /partnerships may not import visits/);
  });

  it('web: one feature importing another', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/features/visits/components/deliberate-violation.tsx',
      "import { useWorkshop } from '../../workshops';\nexport const h = useWorkshop;\n",
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /features\/visits may not import features\/workshops/);
  });

  it('web: the app reaching into a feature past its index', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/app/routes/deliberate-violation.tsx',
      "import { useGetVisit } from '../../features/visits/api/get-visit';\nexport const h = useGetVisit;\n",
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /app may reach features\/visits only through features\/visits\/index\.ts/);
  });

  it('web: shared code importing a feature', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/lib/deliberate-violation.ts',
      "import { useWorkshop } from '../features/workshops';\nexport const h = useWorkshop;\n",
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /lib may not import features\/workshops/);
  });

  it('allowed imports pass', async () => {
    assert.deepEqual(
      await boundaryErrors(
        'apps/api/src/visits/deliberate-ok.ts',
        "import { AppError } from '../common/app-error';\nexport const e = AppError;\n",
      ),
      [],
    );
    assert.deepEqual(
      await boundaryErrors(
        'apps/web/src/app/routes/deliberate-ok.tsx',
        "import { WorkshopList } from '../../features/workshops';\nexport const c = WorkshopList;\n",
      ),
      [],
    );
  });
});

describe('max-lines in the workspace configuration', () => {
  it('fails on a source file over 450 lines and spares specs', async () => {
    const eslint = new ESLint({ cwd: workspace });
    const long = Array.from({ length: 460 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
    const [src] = await eslint.lintText(long, { filePath: path.join(workspace, 'apps/api/src/common/too-long.ts') });
    assert.ok(src.messages.some((m) => m.ruleId === 'max-lines'));
    const [spec] = await eslint.lintText(long, {
      filePath: path.join(workspace, 'apps/api/src/common/too-long.spec.ts'),
    });
    assert.ok(!spec.messages.some((m) => m.ruleId === 'max-lines'));
  });
});
