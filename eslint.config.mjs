// Syntax-level rules only (no type information): fast enough to run on every save; `npm run typecheck`
// is what checks types.
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const litImports = {
  patterns: [
    {
      group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*'],
      message: '@kehu/core runs in Node and workers: no Lit and no DOM. Put rendering in @kehu/components.',
    },
  ],
};

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/storybook-static/',
    '**/.tmp/',
    '**/coverage/',
    '**/generated/',
    'bench/results/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Core and scripts run in Node, elements and examples in browsers; types catch the wrong one, not ESLint.
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          // `const { createdAt, ...own } = record` is how a field is left out of a copy.
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      // Chai's property assertions (`expect(x).to.exist`, `.to.be.true`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', litImports],
    },
  },
);
