// Lint rules, including the direction of dependencies: bot → domain ← storage.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

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
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      // No import loop anywhere: a loop makes the order of module start-up decide what is defined.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type-aware: a promise nobody awaits loses its error (and, in a handler, its turn).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Only the adapter, the server, the turn handlers and the sender speak botbuilder or restify;
    // features see activities, cards and HTTP through the kernel's own types (bot/core).
    files: ['bot/**/*.ts'],
    ignores: ['bot/adapter.ts', 'bot/server.ts', 'bot/app.ts', 'bot/teams-bot.ts', 'bot/handlers/**', 'bot/outbox/bot-framework-sender.ts', 'bot/reach/connector-team-directory.ts', 'bot/core/reply.ts'],
    rules: restrict([{ group: ['botbuilder', 'botbuilder-*', 'botframework-*', 'restify'], message: 'Only the adapter, server, handlers and sender import botbuilder or restify.' }]),
  },
  {
    // The kernel knows no feature.
    files: ['bot/core/**/*.ts'],
    rules: restrict([
      {
        group: ['../action-items/**', '../agendas/**', '../escalations/**', '../help/**', '../meetings/**', '../registry/**', '../reminders/**', '../tab/**', '../features', '../handlers/**', '../../storage/**'],
        message: 'bot/core imports no feature.',
      },
    ]),
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
