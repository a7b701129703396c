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
}

export interface CorpusFile {
  pkg: Pick<CorpusPackage, 'name'> & Partial<CorpusPackage>;
  /** Absolute path. */
  file: string;
  /** Relative to the corpus root. */
  relative: string;
}
