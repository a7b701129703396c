export interface DocExample {
  kind: 'incorrect' | 'correct';
  language: 'js' | 'ts';
  code: string;
  /** 1-based line of the example's first code line in the Markdown file. */
  line: number;
}

/** The fenced js/ts blocks of a rule doc whose nearest heading starts with "Incorrect" or "Correct". */
export function getDocExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  let kind: DocExample['kind'] | null = null;
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
    examples.push({ kind, language: fence[1] as DocExample['language'], code: lines.slice(start, end).join('\n'), line: start + 1 });
    index = end;
  }
  return examples;
}

export interface ReadmeFixExample {
  kind: 'autofix' | 'suggestion';
  /** For a suggestion: the rule (without the plugin prefix) whose report offers it. */
  rule?: string;
  before: string;
  after: string;
  /** 1-based line of the marker in the Markdown file. */
  line: number;
}

/**
 * The README's fix examples: a `<!-- readme-fix: {"kind": ...} -->` marker, the code fence it
 * precedes (before) and the next code fence (after the fix).
 */
export function getReadmeFixExamples(markdown: string): ReadmeFixExample[] {
  const pattern = /<!-- readme-fix: (\{.*?\}) -->\n```(?:js|ts)\n([\s\S]*?)```\n[\s\S]*?```(?:js|ts)\n([\s\S]*?)```/g;
  return [...markdown.matchAll(pattern)].map((match) => {
    const marker = JSON.parse(match[1] ?? '{}') as Pick<ReadmeFixExample, 'kind' | 'rule'>;
    const line = markdown.slice(0, match.index).split('\n').length;
    return { ...marker, before: match[2] ?? '', after: match[3] ?? '', line };
  });
}
