// Types of bench/corpus-manifest.js for the TypeScript tests.
import type { CorpusFile, CorpusPackage } from './corpus-types.js';

export declare const ROOT: string;
export declare const CORPUS_DIR: string;
export declare const CACHE_DIR: string;
export declare const STAMP_FILE: string;
export declare const CORPUS_APPS_DIR: string;
export declare const CORPUS_PACKAGES: CorpusPackage[];
export declare function readStamp(): { lockHash?: string; npmVersion?: string } | null;
export declare function getInstalledVersion(pkg: CorpusPackage): string | null;
export declare function getFileLanguage(entry: CorpusFile): 'js' | 'ts';
export declare function listCorpusFiles(options?: { root?: string; packages?: CorpusPackage[] }): (CorpusFile & { pkg: CorpusPackage; language: 'js' | 'ts' })[];
export declare function getMissingPackages(root?: string): CorpusPackage[];
export declare function assertCorpusInstalled(): void;
