import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { ensureImport, getUnusedName, type ImportRequest } from '../../src/modules/ensure-import.js';
import { parses, withSourceCode, type LintCodeOptions } from '../helpers/lint-code.js';

/** Replaces every identifier `USE` by the reference ensureImport gives, adding the import; all fix passes. */
function fixWith(code: string, request: ImportRequest, options: LintCodeOptions = {}): string {
  const rule = {
    meta: { type: 'suggestion' as const, fixable: 'code' as const, schema: [], messages: { use: 'use' } },
    create(context: Readonly<TSESLint.RuleContext<'use', []>>) {
      return {
        'Identifier[name="USE"]'(node: TSESTree.Identifier) {
          context.report({
            node,
            messageId: 'use',
            fix(fixer) {
              const { reference, fix } = ensureImport(fixer, context.sourceCode, request);
              return fix ? [fix, fixer.replaceText(node, reference)] : fixer.replaceText(node, reference);
            },
          });
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const { output, messages } = linter.verifyAndFix(
    code,
    {
      files: ['**/*.{js,ts}'],
      plugins: { test: { rules: { use: rule as never } } },
      languageOptions: {
        sourceType: options.sourceType ?? 'module',
        ...(options.parser === 'typescript' ? { parser: tsParser } : {}),
      },
      rules: { 'test/use': 'error' },
    },
    options.parser === 'typescript' ? 'file.ts' : 'file.js',
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  expect(parses(output, options)).toBe(true);
  return output;
}

const readFile = { module: 'fs/promises', name: 'readFile' };

describe('ensureImport', () => {
  it('reuses a named import, with or without node:', () => {
    expect(fixWith("import { readFile } from 'fs/promises';\nUSE(p);", readFile)).toBe("import { readFile } from 'fs/promises';\nreadFile(p);");
    expect(fixWith("import { readFile as rf } from 'node:fs/promises';\nUSE(p);", readFile)).toBe("import { readFile as rf } from 'node:fs/promises';\nrf(p);");
  });

  it('reuses namespace and default imports of a built-in', () => {
    expect(fixWith("import fsp from 'node:fs/promises';\nUSE(p);", readFile)).toBe("import fsp from 'node:fs/promises';\nfsp.readFile(p);");
    expect(fixWith("import * as fsp from 'fs/promises';\nUSE(p);", readFile)).toBe("import * as fsp from 'fs/promises';\nfsp.readFile(p);");
  });

  it('reuses CommonJS requires', () => {
    expect(fixWith("const fsp = require('fs/promises');\nUSE(p);", readFile, { sourceType: 'commonjs' })).toBe("const fsp = require('fs/promises');\nfsp.readFile(p);");
    expect(fixWith("const { readFile: rf } = require('node:fs/promises');\nUSE(p);", readFile, { sourceType: 'commonjs' })).toBe("const { readFile: rf } = require('node:fs/promises');\nrf(p);");
  });

  it('adds a specifier to an existing import of the module', () => {
    expect(fixWith("import { writeFile } from 'node:fs/promises';\nUSE(p);", readFile)).toBe("import { writeFile, readFile } from 'node:fs/promises';\nUSE(p);".replace('USE', 'readFile'));
  });

  it('adds an import after the last one, in the file style', () => {
    expect(fixWith('import a from "a"\nimport { x } from "fs"\nUSE(p)', readFile)).toBe('import a from "a"\nimport { x } from "fs"\nimport { readFile } from "fs/promises"\nreadFile(p)');
    expect(fixWith("import a from 'a';\nUSE(p);", readFile)).toBe("import a from 'a';\nimport { readFile } from 'node:fs/promises';\nreadFile(p);");
  });

  it('adds an import at the top when there is none', () => {
    expect(fixWith('export async function f() {\n  return USE(p);\n}\n', readFile)).toBe("import { readFile } from 'node:fs/promises';\nexport async function f() {\n  return readFile(p);\n}\n");
  });

  it('adds a require in CommonJS, after directives and the last require', () => {
    expect(fixWith("'use strict';\nconst fs = require('fs');\nUSE(p);", readFile, { sourceType: 'commonjs' })).toBe(
      "'use strict';\nconst fs = require('fs');\nconst { readFile } = require('fs/promises');\nreadFile(p);",
    );
    expect(fixWith("'use strict'\nUSE(p)", readFile, { sourceType: 'commonjs' })).toBe("'use strict'\nconst { readFile } = require('node:fs/promises')\nreadFile(p)");
  });

  it('adds a property to an existing destructuring require of the module', () => {
    expect(fixWith("const { writeFile } = require('node:fs/promises');\nUSE(p);", readFile, { sourceType: 'commonjs' })).toBe(
      "const { writeFile, readFile } = require('node:fs/promises');\nreadFile(p);",
    );
  });

  it('treats an ES-module parse with only requires as CommonJS', () => {
    expect(fixWith("const path = require('node:path');\nUSE(p);", readFile)).toBe(
      "const path = require('node:path');\nconst { readFile } = require('node:fs/promises');\nreadFile(p);",
    );
  });

  it('picks a name nothing else uses', () => {
    expect(fixWith("import { readFile } from 'node:fs';\nUSE(p);", readFile)).toBe(
      "import { readFile } from 'node:fs';\nimport { readFile as readFileAsync } from 'node:fs/promises';\nreadFileAsync(p);",
    );
    expect(fixWith("const { readFile } = require('fs');\nUSE(p);", readFile, { sourceType: 'commonjs' })).toBe(
      "const { readFile } = require('fs');\nconst { readFile: readFileAsync } = require('fs/promises');\nreadFileAsync(p);",
    );
  });

  it('imports a default export under the requested local name', () => {
    expect(fixWith("import a from 'a';\nUSE(xs);", { module: 'p-map', name: 'default', localName: 'pMap' })).toBe("import a from 'a';\nimport pMap from 'p-map';\npMap(xs);");
    expect(fixWith("import pMap from 'p-map';\nUSE(xs);", { module: 'p-map', name: 'default', localName: 'pMap' })).toBe("import pMap from 'p-map';\npMap(xs);");
  });

  it('adds the import once when several places need it', () => {
    expect(fixWith("import a from 'a';\nUSE(1);\nUSE(2);\nUSE(3);", readFile)).toBe(
      "import a from 'a';\nimport { readFile } from 'node:fs/promises';\nreadFile(1);\nreadFile(2);\nreadFile(3);",
    );
  });

  it('works beside TypeScript import-equals and type-only imports', () => {
    expect(fixWith("import type { X } from 'node:fs/promises';\nimport fs = require('fs');\nUSE(p);", readFile, { parser: 'typescript' })).toBe(
      "import type { X } from 'node:fs/promises';\nimport fs = require('fs');\nimport { readFile } from 'node:fs/promises';\nreadFile(p);",
    );
  });
});

describe('getUnusedName', () => {
  it('avoids declared names and globals read anywhere', () => {
    const name = (code: string, preferred: string) => withSourceCode(code, ({ sourceCode }) => getUnusedName(sourceCode, preferred));
    expect(name('const x = 1;', 'readFile')).toBe('readFile');
    expect(name('function f() { const readFile = 1; }', 'readFile')).toBe('readFileAsync');
    expect(name('readFile(); const readFileAsync = 2;', 'readFile')).toBe('readFileAsync2');
  });
});
