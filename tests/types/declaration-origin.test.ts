import { describe, expect, it } from 'vitest';
import { getDeclarationOrigin } from '../../src/types/declaration-origin.js';
import { nodeByText } from '../helpers/node-by-text.js';
import { withTypedSourceCode } from '../helpers/typed-source-code.js';

const CODE = `import { test } from 'node:test';
import { refresh, type Runner } from './floating-task-project.js';
declare function remote(): Promise<void>;
declare const pending: Promise<void>;
declare module 'pkg' { export function get(): Promise<void>; }
declare const runner: Runner;
declare const untyped: any;
declare const table: Record<string, Promise<void>>;
declare const key: string;
async function local() {}
class Repo { async save() {} run() { this.save(); } }
remote(); pending; fetch('/x'); test('t', () => {});
refresh(); runner.start();
local();
untyped.go();
table[key];
`;

describe('getDeclarationOrigin', () => {
  it('tells library, this-file, project and unknown declarations apart', () => {
    withTypedSourceCode(CODE, (context, services) => {
      const origin = (type: 'CallExpression' | 'Identifier', text: string, occurrence = 0) =>
        getDeclarationOrigin(services, nodeByText(context.sourceCode, type, text, occurrence)).kind;
      expect(origin('CallExpression', 'remote()')).toBe('library');
      expect(origin('Identifier', 'pending')).toBe('library');
      expect(origin('CallExpression', "fetch('/x')")).toBe('library');
      expect(origin('CallExpression', "test('t', () => {})")).toBe('library');
      expect(origin('CallExpression', 'refresh()')).toBe('project');
      const project = getDeclarationOrigin(services, nodeByText(context.sourceCode, 'CallExpression', 'refresh()'));
      // The declaration there, as the program's TypeScript node (no ESTree exists for that file).
      expect(project.kind === 'project' && project.declaration.getSourceFile().fileName.endsWith('floating-task-project.ts')).toBe(true);
      expect(origin('CallExpression', 'runner.start()')).toBe('project');
      expect(origin('CallExpression', 'local()')).toBe('this-file');
      expect(origin('CallExpression', 'this.save()')).toBe('this-file');
      expect(origin('CallExpression', 'untyped.go()')).toBe('unknown');
      expect(getDeclarationOrigin(services, nodeByText(context.sourceCode, 'MemberExpression', 'table[key]')).kind).toBe('library');
    });
  });

  it('points at the function of a declaration in this file', () => {
    withTypedSourceCode(CODE, (context, services) => {
      const origin = getDeclarationOrigin(services, nodeByText(context.sourceCode, 'CallExpression', 'local()'));
      expect(origin.kind === 'this-file' && origin.declaration ? context.sourceCode.getText(origin.declaration) : null).toBe('async function local() {}');
    });
  });
});
