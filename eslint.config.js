// Lints the plugin's own source: typescript-eslint's type-checked rules everywhere,
// eslint-plugin-eslint-plugin's rules on the rules and their tests.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The import direction of src/ (see src/README.md): rules -> domains -> base. A base folder never
// imports a domain folder or a rule; a domain folder never imports another domain or a rule.
const BASE_FOLDERS = ['ast', 'scope', 'types', 'modules', 'fixes', 'options'];
const DOMAIN_FOLDERS = ['promises', 'tasks', 'loops', 'blocking'];

function forbidImportsOf(folders, why) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: folders.map((folder) => ({ regex: `^\\.\\.?/(?:\\.\\./)*${folder}/`, message: `${why} (src/README.md).` })) },
    ],
  };
}

const importDirection = [
  ...BASE_FOLDERS.map((folder) => ({
    name: `import-direction/${folder}`,
    files: [`src/${folder}/**/*.ts`],
    rules: forbidImportsOf([...DOMAIN_FOLDERS, 'rules'], `src/${folder}/ is a base folder: it may import only other base folders`),
  })),
  ...DOMAIN_FOLDERS.map((folder) => ({
    name: `import-direction/${folder}`,
    files: [`src/${folder}/**/*.ts`],
    rules: forbidImportsOf(
      [...DOMAIN_FOLDERS.filter((other) => other !== folder), 'rules'],
      `src/${folder}/ is a domain folder: it may import base folders, never another domain or a rule`,
    ),
  })),
];

export default defineConfig(
  { ignores: ['dist/', 'examples/', 'bench/', 'coverage/', 'tests/fixtures/', '**/*.d.ts'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/rules/*.ts'],
    ignores: ['src/rules/index.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
  },
  {
    files: ['tests/rules/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
  },
  ...importDirection,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
