import { describe, expect, it } from 'vitest';
import { mayMentionPromises } from '../../src/promises/promise-words.js';

describe('mayMentionPromises', () => {
  it.each([
    ['an async function', 'const f = async () => x();'],
    ['an await', 'for await (const x of y) {}'],
    ['the Promise global', 'new Promise((resolve) => setTimeout(resolve));'],
    ['a then chain', 'load().then(show);'],
    ['a finally chain', 'load().finally(done);'],
    ['fetch', "fetch('/x');"],
    ['a promises module', "const { readFile } = require('fs/promises');"],
    ['a promises member', 'fs.promises.readFile(p);'],
    ['promisify', 'const read = util.promisify(fs.readFile);'],
    ['events.once', "once(emitter, 'ready');"],
    ['a dynamic import', "import('./plugin.js');"],
    ['a dynamic import with a comment', "import /* webpackChunkName: 'x' */ ('./x.js');"],
  ])('finds %s', (_, text) => {
    expect(mayMentionPromises(text, [])).toBe(true);
  });

  it.each([
    ['plain sync code', 'function add(a, b) { return a + b; } module.exports = add;'],
    ['words that only contain a promise word', 'const asyncMode = thenable + promised; fetcher(); x.onceMore();'],
    ['a static import', "import fs from 'fs'; fs.readFileSync(p);"],
    ['a member named import', 'loader.import(x);'],
  ])('finds nothing in %s', (_, text) => {
    expect(mayMentionPromises(text, [])).toBe(false);
  });

  it('counts the names of promiseFunctions entries, by their last segment', () => {
    expect(mayMentionPromises('db.query(sql);', ['query'])).toBe(true);
    expect(mayMentionPromises('client.get(url);', ['axios.get'])).toBe(true);
    expect(mayMentionPromises('db.query(sql);', ['axios.get'])).toBe(false);
  });
});
