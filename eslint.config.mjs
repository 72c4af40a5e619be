import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.scratch/**', 'node_modules/**', 'dist/**', 'build/**', '**/*.js', '**/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'Focused tests must not be committed.' },
        { object: 'it', property: 'only', message: 'Focused tests must not be committed.' },
        { object: 'test', property: 'only', message: 'Focused tests must not be committed.' },
        { object: 'describe', property: 'skip', message: 'Skipped tests must not be committed.' },
        { object: 'it', property: 'skip', message: 'Skipped tests must not be committed.' },
        { object: 'test', property: 'skip', message: 'Skipped tests must not be committed.' },
      ],
    },
  },
);
