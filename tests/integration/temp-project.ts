// Shared by the integration tests: a throw-away project that uses the plugin the way a user does,
// from the packed tarball (`npm pack` of the built dist/), installed beside ESLint, the
// TypeScript parser, TypeScript and @types/node at the versions this checkout runs.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from '../../scripts/lib/process.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLES = path.join(ROOT, 'examples');

/** The packages every temporary project installs beside the tarball. */
const BASE_PACKAGES = ['eslint', '@typescript-eslint/parser', 'typescript', '@types/node'];

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds the command took. */
  ms: number;
}

export interface TempProjectOptions {
  /** Copy examples/ (eslint.config.js, tsconfig.json, src/) into the project. Default true. */
  copyExamples?: boolean;
  /** More packages to install, at the version installed in this checkout (e.g. `lint-staged`). */
  extraPackages?: string[];
  /** Extra top-level package.json fields (e.g. a `lint-staged` configuration). */
  packageJson?: Record<string, unknown>;
  /** Files to write into the project, relative path -> content. */
  files?: Record<string, string>;
  /** Versions to install instead of this checkout's (e.g. `{ eslint: '9.22.0' }`). */
  versions?: Record<string, string>;
}

export interface TempProject {
  /** The project folder (package.json, node_modules, eslint.config.js, ...). */
  dir: string;
  /** The packed plugin tarball that was installed. */
  tarball: string;
  path(relative: string): string;
  read(relative: string): string;
  write(relative: string, content: string): void;
  /** Runs a command in the project folder (no shell), without git/npm state of the caller. */
  run(command: string, args: string[], options?: { input?: string; timeoutMs?: number }): RunResult;
  /** Like `run`, without blocking the test process (for timing or long runs). */
  runAsync(command: string, args: string[], options?: { timeoutMs?: number }): Promise<RunResult>;
  remove(): void;
}

/** Version of a package as installed in this checkout's node_modules (not the range in package.json). */
export function installedVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * The environment for child processes: the caller's, minus git variables that would point a
 * child `git` at the caller's repository (tests may run inside a git hook) and minus npm's
 * per-script variables (tests may run under `npm test`).
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('GIT_') || key.startsWith('npm_package_') || key.startsWith('npm_lifecycle_')) continue;
    env[key] = value;
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function newestMtime(dir: string, extension: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, extension));
    else if (entry.name.endsWith(extension)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Throws when dist/ is missing; warns when a source file is newer than the build. */
function checkBuild(): void {
  const builtEntry = path.join(ROOT, 'dist', 'index.js');
  if (!existsSync(builtEntry)) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` does it in `pretest`).');
  }
  const sourceTime = Math.max(statSync(path.join(ROOT, 'index.ts')).mtimeMs, newestMtime(path.join(ROOT, 'src'), '.ts'));
  if (sourceTime > statSync(builtEntry).mtimeMs) {
    console.warn('integration tests: src/ is newer than dist/; the packed plugin is the last build (`npm run build`).');
  }
}

function runSync(command: string, args: string[], cwd: string, options: { input?: string; timeoutMs?: number } = {}): RunResult {
  const started = performance.now();
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    env: childEnv(),
    encoding: 'utf8',
    input: options.input,
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Math.round(performance.now() - started) };
}

async function runAsync(command: string, args: string[], cwd: string, options: { timeoutMs?: number } = {}): Promise<RunResult> {
  const result = await runProcess(command, args, { cwd, env: childEnv(), timeout: options.timeoutMs ?? 120_000 });
  return { ...result, ms: Math.round(result.ms) };
}

function mustSucceed(result: RunResult, what: string): RunResult {
  if (result.status !== 0) {
    throw new Error(`${what} failed with exit code ${String(result.status)}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/**
 * Packs this checkout (its current dist/), creates a project in a new temporary folder and
 * installs the tarball there with `npm install --prefer-offline`. Call it once per test file
 * (in `beforeAll`) and `remove()` it in `afterAll`.
 */
export function createTempProject(label: string, options: TempProjectOptions = {}): TempProject {
  checkBuild();
  const work = mkdtempSync(path.join(os.tmpdir(), `event-loop-${label}-`));
  const project = path.join(work, 'project');
  try {
    const packed = mustSucceed(runSync('npm', ['pack', '--silent', '--pack-destination', work], ROOT), 'npm pack');
    const tarball = path.join(work, packed.stdout.trim().split('\n').at(-1) ?? '');

    mkdirSync(project);
    if (options.copyExamples ?? true) cpSync(EXAMPLES, project, { recursive: true });
    const manifest = { name: `event-loop-${label}-check`, private: true, type: 'module', ...options.packageJson };
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const [relative, content] of Object.entries(options.files ?? {})) {
      mkdirSync(path.dirname(path.join(project, relative)), { recursive: true });
      writeFileSync(path.join(project, relative), content);
    }

    const packages = [...BASE_PACKAGES, ...(options.extraPackages ?? [])].map((name) => `${name}@${options.versions?.[name] ?? installedVersion(name)}`);
    mustSucceed(
      runSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...packages], project, { timeoutMs: 180_000 }),
      'npm install of the packed plugin',
    );

    return {
      dir: project,
      tarball,
      path: (relative) => path.join(project, relative),
      read: (relative) => readFileSync(path.join(project, relative), 'utf8'),
      write: (relative, content) => {
        mkdirSync(path.dirname(path.join(project, relative)), { recursive: true });
        writeFileSync(path.join(project, relative), content);
      },
      run: (command, args, runOptions) => runSync(command, args, project, runOptions),
      runAsync: (command, args, runOptions) => runAsync(command, args, project, runOptions),
      remove: () => rmSync(work, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

export interface RuleInfo {
  messages: Record<string, string>;
  docsUrl: string | null;
  fixable: string | null;
  hasSuggestions: boolean;
}

export interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; messageId?: string; fix: { range: [number, number]; text: string } }[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  output?: string;
}

export interface ProjectProbe {
  /** The installed plugin's rules by id (`event-loop/<name>`). */
  rules: Record<string, RuleInfo>;
  /** Per file (relative to the project), the rule ids the project's config turns on. */
  enabledRules: Record<string, string[]>;
}

/**
 * Asks the installed plugin and the project's ESLint config (in a child Node process, with the
 * project's own ESLint) which rules exist and which are on for the given files.
 */
export function probeProject(project: TempProject, files: string[]): ProjectProbe {
  const script = `
    import plugin from 'eslint-plugin-event-loop';
    import { ESLint } from 'eslint';
    const files = JSON.parse(process.argv[1]);
    const eslint = new ESLint();
    const rules = {};
    for (const [name, rule] of Object.entries(plugin.rules)) {
      rules[plugin.meta.namespace + '/' + name] = {
        messages: rule.meta?.messages ?? {},
        docsUrl: rule.meta?.docs?.url ?? null,
        fixable: rule.meta?.fixable ?? null,
        hasSuggestions: rule.meta?.hasSuggestions === true,
      };
    }
    const enabledRules = {};
    for (const file of files) {
      const config = await eslint.calculateConfigForFile(file);
      enabledRules[file] = Object.entries(config?.rules ?? {})
        .filter(([, entry]) => (Array.isArray(entry) ? entry[0] : entry) !== 0 && (Array.isArray(entry) ? entry[0] : entry) !== 'off')
        .map(([id]) => id)
        .sort();
    }
    console.log(JSON.stringify({ rules, enabledRules }));
  `;
  const result = mustSucceed(project.run(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(files)]), 'probing the installed plugin');
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as ProjectProbe;
}

/** Lints files with the project's ESLint (`--format json`); exit code 1 (problems found) is expected. */
export function lintFiles(project: TempProject, files: string[]): LintResult[] {
  const result = project.run(process.execPath, [project.path('node_modules/eslint/bin/eslint.js'), '--format', 'json', ...files]);
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint failed (${String(result.status)}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as LintResult[];
}

/** Lints `text` as if it were `file` (`--stdin --stdin-filename`), as an editor buffer is linted. */
export function lintText(project: TempProject, file: string, text: string): LintMessage[] {
  const result = project.run(process.execPath, [project.path('node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file], {
    input: text,
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint --stdin failed (${String(result.status)}):\n${result.stderr}`);
  return (JSON.parse(result.stdout) as LintResult[])[0]?.messages ?? [];
}

/** `// expect: <rule-id>[, <rule-id>]` markers of examples/, as `file:line rule-id` keys. */
const MARKER = /\/\/ expect: ((?:[\w-]+\/)?[\w-]+(?:, *(?:[\w-]+\/)?[\w-]+)*)/;

export interface Marker {
  file: string;
  line: number;
  ruleId: string;
}

export function readMarkers(project: TempProject, files: string[]): Marker[] {
  const markers: Marker[] = [];
  for (const file of files) {
    project.read(file).split('\n').forEach((text, index) => {
      const match = MARKER.exec(text);
      if (!match?.[1]) return;
      for (const ruleId of match[1].split(',')) markers.push({ file, line: index + 1, ruleId: ruleId.trim() });
    });
  }
  return markers;
}

/** The markers a correct plugin must report: those whose rule the project's config turns on for that file (all of them for examples/' config). */
export function expectedMarkerKeys(markers: Marker[], probe: ProjectProbe): string[] {
  return markers
    .filter((marker) => probe.enabledRules[marker.file]?.includes(marker.ruleId))
    .map((marker) => `${marker.file}:${marker.line} ${marker.ruleId}`)
    .sort();
}

/** Every rule an `// expect:` marker names must be in the installed plugin (a rule dropped from the build fails here). */
export function assertMarkedRulesExist(markers: Marker[], probe: ProjectProbe): void {
  const missing = [...new Set(markers.map((marker) => marker.ruleId))].filter((ruleId) => !(ruleId in probe.rules));
  if (missing.length > 0) throw new Error(`the packed plugin has no ${missing.join(', ')}, which examples/ markers expect`);
}

/** The example files (relative to the project) and the language id an editor gives each. */
export function exampleSourceFiles(): string[] {
  return readdirSync(path.join(EXAMPLES, 'src'))
    .filter((file) => /\.(?:[cm]?js|ts)$/.test(file))
    .sort()
    .map((file) => `src/${file}`);
}

/** Regular expression for a `meta.messages` template: `{{ name }}` placeholders match any text, also none (`{{order}}`). */
export function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\{\s*[\w.]+\s*\}\}/);
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?')}$`);
}

/** Whether `text` is one of the rule's own messages with its placeholders filled in. */
export function isRuleWording(rule: RuleInfo | undefined, text: string): boolean {
  return rule !== undefined && Object.values(rule.messages).some((template) => templatePattern(template).test(text));
}
