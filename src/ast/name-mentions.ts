/**
 * Whether `text` may spell one of `names` as an identifier: it contains one, or a `\u` escape,
 * which can spell any name (`pr\u006fmisify`). False means no reference to any of them exists,
 * so a lookup of their references can be skipped.
 */
export function mayMentionName(text: string, names: readonly string[]): boolean {
  return text.includes('\\u') || names.some((name) => text.includes(name));
}
