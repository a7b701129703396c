/**
 * Whether `text` may spell one of `names` as an identifier: it contains one, or a `\u` escape,
 * which can spell any name (`pr\u006fmisify`). False means no reference to any of them exists,
 * so a lookup of their references can be skipped.
 */
export function mayMentionName(text: string, names: readonly string[]): boolean {
  return text.includes('\\u') || names.some((name) => text.includes(name));
}

/**
 * `mayMentionName` for one text asked about many names, some of them more than once: the escape
 * is searched for once, and each name once (every search reads the whole text when it fails).
 */
export function createNameMentionTest(text: string): (name: string) => boolean {
  const hasEscape = text.includes('\\u');
  const answers = new Map<string, boolean>();
  return (name) => {
    let found = answers.get(name);
    if (found === undefined) answers.set(name, (found = hasEscape || text.includes(name)));
    return found;
  };
}
