// Lint rules, including the direction of dependencies: bot → domain ← storage.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

const sdkPatterns = [
  { group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/agents-*'], message: 'Only bot/ may import the Bot Framework SDK.' },
];
const azurePatterns = [{ group: ['@azure/*', 'azurite'], message: 'Only storage/ may import the Azure SDK.' }];

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'test-results/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: restrict([
      ...sdkPatterns,
      ...azurePatterns,
      { group: ['**/bot/**', '**/storage/**', '**/cards/**', 'restify', 'pino'], message: 'domain/ depends on nothing outside itself.' },
    ]),
  },
  {
    files: ['storage/**/*.ts'],
    rules: restrict([...sdkPatterns, { group: ['**/bot/**', '**/cards/**'], message: 'storage/ implements domain interfaces; it does not know the bot or cards.' }]),
  },
  {
    files: ['cards/**/*.ts'],
    rules: restrict([...sdkPatterns, ...azurePatterns, { group: ['**/bot/**', '**/storage/**'], message: 'cards/ are pure builders over domain data.' }]),
  },
  {
    // The tab's pages run in the browser: browser globals, and nothing from the server side.
    files: ['tab/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([...sdkPatterns, ...azurePatterns, { group: ['**/bot/**', '**/storage/**', 'node:*'], message: 'tab/ runs in the browser.' }]),
  },
);
