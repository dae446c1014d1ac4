import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIo = ['fs', 'net', 'http', 'https', 'child_process', 'tls', 'dgram', 'worker_threads'];
const nodeIoPatterns = nodeIo.flatMap((name) => [
  name,
  `node:${name}`,
  `${name}/*`,
  `node:${name}/*`,
]);

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'test/fixtures/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_'},
      ],
    },
  },
  {
    // The domain stays pure: no UI, no I/O, no knowledge of the layers above it.
    files: ['source/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'ink',
            'react',
            'ink-table',
            'chalk',
            'meow',
            ...nodeIo.flatMap((n) => [n, `node:${n}`]),
          ],
          patterns: [
            {group: nodeIoPatterns, message: 'source/core does no I/O.'},
            {
              group: [
                '**/ui/**',
                '**/adapters/**',
                '**/commands/**',
                '**/runtime/**',
                '**/i18n/**',
                '**/shared/**',
              ],
              message: 'core imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Screens get plain data and callbacks; files, sockets and processes belong to adapters.
    files: ['source/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeIo.flatMap((n) => [n, `node:${n}`]),
          patterns: [
            {group: nodeIoPatterns, message: 'source/ui opens no file, socket or process.'},
            {
              group: ['**/adapters/**', '**/commands/**', '**/runtime/**'],
              message: 'ui does not reach into adapters, commands or the runtime.',
            },
          ],
        },
      ],
    },
  },
  {
    // Words and the types the screens and the commands share: data, over the core only.
    files: ['source/i18n/**', 'source/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['ink', 'react', 'chalk', 'meow', ...nodeIo.flatMap((n) => [n, `node:${n}`])],
          patterns: [
            {group: nodeIoPatterns, message: 'i18n and shared types do no I/O.'},
            {
              group: ['**/ui/**', '**/adapters/**', '**/commands/**', '**/runtime/**'],
              message: 'i18n and shared types import the core only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['source/adapters/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/commands/**', '**/runtime/**', 'ink', 'react'],
              message: 'adapters yield data; they draw nothing.',
            },
          ],
        },
      ],
    },
  },
);
