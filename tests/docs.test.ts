import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { rules } from '../src/rules/index.js';
import { getDocExamples, getReadmeFixExamples } from './helpers/doc-examples.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

describe.each(Object.keys(rules))('rules-docs/%s.md', (name) => {
  const file = path.join(root, 'rules-docs', `${name}.md`);

  it('exists and documents every option and when not to use the rule', () => {
    expect(existsSync(file)).toBe(true);
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toContain('## When not to use it');
    const schema = rules[name]?.meta.schema;
    const properties = Array.isArray(schema) ? ((schema[0] as { properties?: object } | undefined)?.properties ?? {}) : {};
    for (const option of Object.keys(properties)) expect(markdown).toContain(`\`${option}\``);
  });

  const examples = existsSync(file) ? getDocExamples(readFileSync(file, 'utf8')) : [];

  it('has incorrect and correct examples', () => {
    expect(examples.some((example) => example.kind === 'incorrect')).toBe(true);
    expect(examples.some((example) => example.kind === 'correct')).toBe(true);
  });

  it.each(examples.map((example) => [`${example.kind} example at line ${example.line}`, example] as const))('%s behaves as documented', (_title, example) => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      example.code,
      [
        {
          files: ['**/*.js', '**/*.ts'],
          plugins: { 'event-loop': plugin },
          languageOptions: example.language === 'ts' ? { parser: tsParser } : {},
          rules: { [`event-loop/${name}`]: 'error' },
        },
      ],
      example.language === 'ts' ? 'example.ts' : 'example.js',
    );
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    const own = messages.filter((message) => message.ruleId === `event-loop/${name}`);
    if (example.kind === 'incorrect') expect(own.length).toBeGreaterThan(0);
    else expect(own).toEqual([]);
  });
});

describe('README fix policy examples', () => {
  const examples = getReadmeFixExamples(readFileSync(path.join(root, 'README.md'), 'utf8'));
  const config = [plugin.configs.recommended];

  it('has an autofix and a suggestion example', () => {
    expect(examples.map((example) => example.kind)).toEqual(expect.arrayContaining(['autofix', 'suggestion']));
  });

  it.each(examples.map((example) => [`${example.kind} example at line ${example.line}`, example] as const))('%s gives the code shown after it', (_title, example) => {
    const linter = new Linter({ configType: 'flat' });
    if (example.kind === 'autofix') {
      expect(linter.verifyAndFix(example.before, config, 'example.mjs').output).toBe(example.after);
      return;
    }
    expect(linter.verifyAndFix(example.before, config, 'example.mjs').output).toBe(example.before);
    const suggested = linter
      .verify(example.before, config, 'example.mjs')
      .filter((message) => message.ruleId === `event-loop/${example.rule}`)
      .flatMap((message) => message.suggestions ?? [])
      .map(({ fix }) => example.before.slice(0, fix.range[0]) + fix.text + example.before.slice(fix.range[1]));
    expect(suggested).toContain(example.after);
  });
});
