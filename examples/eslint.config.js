// The demo project's ESLint config, as a user would write it.
import eventLoop from 'eslint-plugin-event-loop';
import tsParser from '@typescript-eslint/parser';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [eventLoop.configs.recommended],
  },
  {
    files: ['**/*.ts'],
    extends: [eventLoop.configs['recommended-type-checked']],
    languageOptions: {
      parser: tsParser,
      parserOptions: { tsconfigRootDir: import.meta.dirname },
    },
  },
);
