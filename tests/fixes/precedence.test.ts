import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { bindsLooserThanUnary, canBeMemberObject, needsParenthesesForAwait } from '../../src/fixes/precedence.js';
import { onCall } from '../helpers/node-by-text.js';

describe('needsParenthesesForAwait', () => {
  it.each([
    ['p().x;', true, 'member object'],
    ['p()();', true, 'callee'],
    ['p() ** 2;', true, 'left operand of **'],
    ['f(p());', false, 'an argument'],
    ['x = p();', false, 'an assignment value'],
  ])('%s: %s (%s)', (code, expected) => expect(onCall(code, 'p', (call) => needsParenthesesForAwait(call))).toBe(expected));
});

describe('bindsLooserThanUnary and canBeMemberObject', () => {
  const parentOf = (call: TSESTree.CallExpression): TSESTree.Node => call.parent;
  it.each([
    ['a && p();', true, false],
    ['x ? p() : q;', true, false],
    ['f(p());', false, true],
  ])('the expression holding p() in %s: looser than unary %s, member object %s', (code, looser, member) => {
    expect(onCall(code, 'p', (call) => bindsLooserThanUnary(parentOf(call)))).toBe(looser);
    expect(onCall(code, 'p', (call, sourceCode) => canBeMemberObject(parentOf(call), sourceCode))).toBe(member);
  });

  it('takes `new P()` with an argument list as a member object', () => {
    expect(onCall('new P(p());', 'p', (call, sourceCode) => canBeMemberObject(call.parent, sourceCode))).toBe(true);
  });
});
