import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'apps-script/dist', 'cli/dist', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is a parameter: pass `today` in.' },
      ],
    },
  },
  {
    // Ledger text is untrusted: it never reaches innerHTML or an HTML string unescaped.
    files: ['extension/**', 'apps-script/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Use textContent or JSX.',
        },
        {
          selector: "AssignmentExpression[left.property.name='outerHTML']",
          message: 'Use textContent or JSX.',
        },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Use DOM nodes.' },
      ],
    },
  },
);
