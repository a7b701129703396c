import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import floorPlugin, { getCheckerWork } from '../../bench/floor-plugin.js';
import { withSourceCode } from '../helpers/lint-code.js';
import { withTypedSourceCode } from '../helpers/typed-source-code.js';

const code = 'declare function load<T>(value: T): Promise<T[]>;\nload({ id: 1 });';

describe('bench-floor/checker-work', () => {
  it('counts the types the checker builds for questions asked after the file is kept', () => {
    const { before, after } = withTypedSourceCode(code, (context, services) => {
      floorPlugin.rules['checker-work'].create(context);
      const before = getCheckerWork();
      const statement = context.sourceCode.ast.body[1] as TSESTree.ExpressionStatement;
      services.getTypeAtLocation(statement.expression);
      return { before, after: getCheckerWork() };
    });
    expect(before.programs).toBeGreaterThan(0);
    expect(after.types + after.instantiations).toBeGreaterThan(before.types + before.instantiations);
  });

  it('keeps nothing for a file without type information', () => {
    const before = getCheckerWork();
    withSourceCode(code, (context) => floorPlugin.rules['checker-work'].create(context), { parser: 'typescript' });
    expect(getCheckerWork().programs).toBe(before.programs);
  });
});
