// ESLint (flat config, typescript-eslint). The rings' imports are checked by the compiler
// (tsconfig/<ring>.json references); this adds what the compiler cannot see: which code may
// name an Apps Script service.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Apps Script's service globals: only the rings that talk to Google may name them. */
export const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'UrlFetchApp',
  'ScriptApp',
  'Session',
  'PropertiesService',
  'LockService',
  'CacheService',
  'ContentService',
  'Utilities',
  'MailApp',
  'HtmlService',
  'Logger',
  'Charts',
];

const whyNot = (name) => ({
  name,
  message: `${name} is an Apps Script service: only src/sheets, src/platform, src/server and src/writer may call it. Take what you need as an argument, or add a function to src/sheets or src/platform.`,
});

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', '.tsbuild/', '.playground/', 'node_modules/', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // The TypeScript compiler checks names and types (tsc -b); these two would only repeat it.
      'no-undef': 'off',
      'no-redeclare': 'off',
      // A leading underscore marks a parameter kept for the signature (Apps Script's, a callback's).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The ideographic space (U+3000) spaces Chinese text on the printed forms, as the paper ones do.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/sheets/**', 'src/platform/**', 'src/server/**', 'src/writer/**'],
    rules: { 'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS.map(whyNot)] },
  },
);
