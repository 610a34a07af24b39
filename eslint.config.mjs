// ESLint (flat config) with typescript-eslint: correctness rules, not style (Prettier owns layout).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'out-*/**',
      'node_modules/**',
      '.vscode-test/**',
      'test-output/**',
      'test/fixtures/**',
      'test/lab/**/node_modules/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Unused names are errors unless they say they are unused (`_x`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Non-null assertions follow index checks the compiler cannot see (noUncheckedIndexedAccess).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Control characters are the point of the Unicode and secret detectors' patterns.
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'Name the exports (no `export *`): the public surface stays explicit.' }],
    },
  },
  {
    // Tests match exact rendered text, spaces included.
    files: ['test/**/*.ts'],
    rules: { 'no-regex-spaces': 'off' },
  },
  {
    // The engine stays free of the editor, processes, network and the file system (see docs/architecture.md).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'vscode',
            'fs',
            'node:fs',
            'fs/promises',
            'node:fs/promises',
            'child_process',
            'node:child_process',
            'net',
            'node:net',
            'http',
            'node:http',
            'https',
            'node:https',
          ],
          patterns: [
            '@modelcontextprotocol/*',
            '../node/*',
            '../../node/*',
            '../live/*',
            '../../live/*',
            '../extension/*',
            '../../extension/*',
            '../cli/*',
            '../../cli/*',
          ],
        },
      ],
    },
  },
  {
    files: ['src/node/**/*.ts', 'src/live/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode'], patterns: ['../extension/*', '../../extension/*'] }] },
  },
);
