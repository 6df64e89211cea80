// @ts-check
/**
 * `twinning/import-boundaries`: which folders of an app may import which, and through which door.
 *
 * Options (one object):
 *   root      the app's source folder, relative to the workspace root (e.g. `apps/api/src`)
 *   elements  folder patterns naming the app's parts, most specific first (e.g. `database/seed`,
 *             `features/*`, `*`); a file belongs to the first pattern its path matches; files
 *             directly in `root` belong to `.`. A `*` segment matches one folder name, so
 *             `features/*` makes every feature a part of its own.
 *   allow     part name or pattern → the part patterns it may import (besides itself); `'*'` allows all.
 *             A part missing here may import nothing outside itself.
 *   entry     part name or pattern → the files another part may import it through (e.g. `['index.ts']`);
 *             parts missing here may be imported file by file.
 *
 * Only relative imports (and `import()`/`require` of relative paths, `export … from`) are checked:
 * packages are the business of `@nx/enforce-module-boundaries`.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** @param {string} pattern @param {string[]} segments @returns {string | null} the matched part name */
function matchPattern(pattern, segments) {
  if (pattern === '.') return segments.length === 1 ? '.' : null;
  const parts = pattern.split('/');
  // A part is a folder: the file must lie below it.
  if (segments.length <= parts.length) return null;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== '*' && parts[i] !== segments[i]) return null;
  }
  return segments.slice(0, parts.length).join('/');
}

/**
 * @param {string[]} elements
 * @param {string} relFile path below root, with forward slashes
 * @returns {{ pattern: string, name: string } | null}
 */
export function partOf(elements, relFile) {
  const segments = relFile.split('/');
  if (segments.length === 1) return { pattern: '.', name: '.' };
  for (const pattern of elements) {
    const name = matchPattern(pattern, segments);
    if (name) return { pattern, name };
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps folders from importing each other except as the architecture allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          elements: { type: 'array', items: { type: 'string' } },
          allow: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          entry: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        required: ['root', 'elements', 'allow'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '{{from}} may not import {{to}} ({{allowed}}). See docs/architecture.md.',
      entry: '{{from}} may reach {{to}} only through {{entries}}, not {{file}}. See docs/architecture.md.',
    },
  },
  create(context) {
    const { root, elements, allow, entry = {} } = context.options[0];
    const cwd = context.cwd;
    const absRoot = path.resolve(cwd, root);
    const file = path.resolve(cwd, context.filename);
    const relFile = path.relative(absRoot, file).split(path.sep).join('/');
    if (relFile.startsWith('..') || path.isAbsolute(relFile)) return {};
    const from = partOf(elements, relFile);
    if (!from) return {};
    const allowed = allow[from.name] ?? allow[from.pattern] ?? [];

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const relTarget = path.relative(absRoot, target).split(path.sep).join('/');
      if (relTarget.startsWith('..')) return;
      // A folder import means the folder's index; anything else is a file, whatever its extension.
      const isFolder = existsSync(target) && statSync(target).isDirectory();
      const to = partOf(elements, isFolder ? `${relTarget}/index.ts` : relTarget);
      if (!to || to.name === from.name) return;
      const permitted = allowed.includes('*') || allowed.includes(to.pattern) || allowed.includes(to.name);
      if (!permitted) {
        context.report({
          node,
          messageId: 'forbidden',
          data: {
            from: from.name,
            to: to.name,
            allowed: allowed.length ? `it may import ${allowed.join(', ')}` : 'it may import nothing outside itself',
          },
        });
        return;
      }
      const entries = entry[to.name] ?? entry[to.pattern];
      if (!entries) return;
      const inside = relTarget === to.name ? '' : relTarget.slice(to.name.length + 1);
      const ok =
        inside === '' ||
        entries.some((e) => {
          const bare = e.replace(/\.(ts|tsx|mts|js|mjs)$/, '');
          return inside === e || inside === bare || (bare.endsWith('/index') && inside === bare.slice(0, -6));
        });
      if (!ok) {
        context.report({
          node,
          messageId: 'entry',
          data: {
            from: from.name,
            to: to.name,
            entries: entries.map((e) => `${to.name}/${e}`).join(', '),
            file: source,
          },
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments[0]?.type === 'Literal'
        ) {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};

export default { meta: { name: 'twinning' }, rules: { 'import-boundaries': importBoundaries } };
