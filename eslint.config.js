// Flat config. Beyond the recommended sets, it enforces the process boundaries:
// shared/ runs in every process, so it imports neither Electron nor Node; the renderer talks to
// main only through window.api (or the browser host's socket), never by importing it; and links
// leave the app only through main/electron/open-external.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const noNodeOrElectron = (why) => ({
  paths: [{ name: 'electron', message: why }, ...builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: why }))],
  patterns: [{ group: ['node:*', 'electron/*'], message: why }],
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', '.cache/**', 'test-results/**', 'coverage/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': [
        'error',
        ...[
          "MemberExpression[object.name='shell'][property.name='openExternal']",
          "MemberExpression[object.property.name='shell'][property.name='openExternal']",
          "VariableDeclarator[init.name='shell'] > ObjectPattern > Property[key.name='openExternal']",
        ].map((selector) => ({ selector, message: 'Open links through openExternalIfSafe (main/electron/open-external.ts).' })),
        { selector: "MemberExpression[property.name='sendSync']", message: 'Synchronous IPC blocks the renderer: use the contract (invoke).' },
      ],
    },
  },
  {
    files: ['main/electron/open-external.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.{ts,tsx,js}'],
    rules: {
      'no-restricted-imports': ['error', noNodeOrElectron('shared/ runs in the renderer too: no Electron, no Node built-ins.')],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx,js,jsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNodeOrElectron('The renderer has no Node and no Electron: go through window.api.').paths,
          patterns: [
            ...noNodeOrElectron('The renderer has no Node and no Electron: go through window.api.').patterns,
            { group: ['**/main/**', '**/main', '**/preload/**', '**/preload'], message: 'The renderer reaches main only through the IPC contract (shared/ipc).' },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs', '*.config.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
