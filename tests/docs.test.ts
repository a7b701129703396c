import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { rules } from '../src/rules/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Example {
  kind: 'incorrect' | 'correct';
  language: 'js' | 'ts';
  code: string;
  line: number;
}

/** Fenced js/ts blocks whose nearest heading says "Incorrect" or "Correct". */
function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  let kind: Example['kind'] | null = null;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const heading = /^#{2,6}\s+(.*)$/.exec(line);
    if (heading) {
      const title = (heading[1] ?? '').toLowerCase();
      kind = title.startsWith('incorrect') ? 'incorrect' : title.startsWith('correct') ? 'correct' : null;
      continue;
    }
    const fence = /^```(js|ts)\s*$/.exec(line);
    if (!fence || !kind) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    examples.push({ kind, language: fence[1] as 'js' | 'ts', code: lines.slice(start, end).join('\n'), line: start });
    index = end;
  }
  return examples;
}

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

  const examples = existsSync(file) ? examplesOf(readFileSync(file, 'utf8')) : [];

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
