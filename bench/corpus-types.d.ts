// Shapes shared by the corpus scripts' type declarations.
export interface CorpusPackage {
  name: string;
  dir: string;
  include: string[];
  language: 'js' | 'ts';
  sourceType: 'module' | 'commonjs';
  tsconfig?: string;
  tscArgs?: string[];
  generatedTsconfig?: boolean;
  optional?: boolean;
  /** Files or folders (relative to `dir`) not linted. */
  exclude?: string[];
  /** Application or tool code: scores are also given for these units alone. */
  application?: boolean;
  /** `dir` is a symbolic link to this folder (relative to bench/corpus), created by the setup. */
  link?: string;
  /** Committed in this repository (bench/corpus-apps), not installed. */
  local?: boolean;
}

export interface CorpusFile {
  pkg: Pick<CorpusPackage, 'name'> & Partial<CorpusPackage>;
  /** Absolute path. */
  file: string;
  /** Relative to the corpus root. */
  relative: string;
  /** The file's own language (corpus-apps mixes JavaScript and TypeScript). */
  language?: 'js' | 'ts';
}
