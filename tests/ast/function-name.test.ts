import { atMark } from '../helpers/node-by-text.js';
import { type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { describeFunction } from '../../src/ast/function-name.js';

describe('describeFunction', () => {
  const describeAtMark = (code: string) => atMark(code, (node, sourceCode) => {
    let fn: TSESTree.Node | undefined = node.parent;
    while (fn && !fn.type.includes('Function')) fn = fn.parent;
    return describeFunction((fn ?? null) as Parameters<typeof describeFunction>[0], sourceCode);
  });
  it.each([
    ['async function loadConfig() { mark(); }', 'async function `loadConfig`'],
    ['const load = async () => { mark(); };', 'async arrow function `load`'],
    ['class A { async save() { mark(); } }', 'async method `save`'],
    ['const o = { async load() { mark(); } };', 'async method `load`'],
    ['const o = { load: async () => { mark(); } };', 'async arrow function `load`'],
    ['export default async () => { mark(); };', 'async arrow function'],
    ['mark();', 'the module top level'],
  ])('%s → %s', (code, expected) => {
    expect(describeAtMark(code)).toBe(expected);
  });
});
