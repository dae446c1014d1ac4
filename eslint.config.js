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
              group: ['**/ui/**', '**/adapters/**', '**/commands/**'],
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
              group: ['**/adapters/**', '**/commands/**'],
              message: 'ui does not reach into adapters or commands.',
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
              group: ['**/ui/**', '**/commands/**', 'ink', 'react'],
              message: 'adapters yield data; they draw nothing.',
            },
          ],
        },
      ],
    },
  },
);
