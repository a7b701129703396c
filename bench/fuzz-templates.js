// Seeded random async/await-heavy programs for scripts/fuzz.js: the shapes the rules look at
// (blocking fs/child_process/crypto/zlib calls in every import spelling, loops with awaits,
// busy-waits and CPU loops, dropped / handled / stored promises) mixed with the syntax that makes
// fixes hard (ASI without semicolons, comments, parentheses, optional chains, TypeScript types,
// CommonJS, `using`, nested functions and classes). Every program is valid by construction; the
// same seed gives the same program everywhere.

import { createRandom } from './lint-helpers.js';

const BUILTINS = {
  fs: {
    calls: {
      readFileSync: (g) => [g.path(), ...g.maybe(["'utf8'", '{ encoding: "utf8" }'])],
      writeFileSync: (g) => [g.path(), g.value()],
      appendFileSync: (g) => [g.path(), g.value()],
      existsSync: (g) => [g.path()],
      statSync: (g) => [g.path(), ...g.maybe(['{ throwIfNoEntry: false }'])],
      lstatSync: (g) => [g.path()],
      readdirSync: (g) => [g.path(), ...g.maybe(['{ withFileTypes: true }'])],
      mkdirSync: (g) => [g.path(), ...g.maybe(['{ recursive: true }'])],
      rmSync: (g) => [g.path(), '{ force: true }'],
      unlinkSync: (g) => [g.path()],
      copyFileSync: (g) => [g.path(), g.path()],
      renameSync: (g) => [g.path(), g.path()],
      accessSync: (g) => [g.path()],
      realpathSync: (g) => [g.path()],
      openSync: (g) => [g.path(), "'r'"],
      fstatSync: () => ['3'],
    },
    specifiers: ['fs', 'node:fs'],
  },
  'fs/promises': {
    calls: { readFile: (g) => [g.path(), "'utf8'"], writeFile: (g) => [g.path(), g.value()], stat: (g) => [g.path()] },
    specifiers: ['fs/promises', 'node:fs/promises'],
    promises: true,
  },
  child_process: {
    calls: {
      execSync: (g) => [g.pick(["'git status'", '`ls ${dir}`', 'command'])],
      execFileSync: (g) => ["'node'", "['--version']"],
      spawnSync: () => ["'ls'", "['-la']"],
      exec: () => ["'ls'", '() => {}'],
    },
    specifiers: ['child_process', 'node:child_process'],
  },
  crypto: {
    calls: {
      pbkdf2Sync: (g) => [g.value(), "'salt'", '100000', '64', "'sha512'"],
      scryptSync: (g) => [g.value(), "'salt'", '64'],
      generateKeyPairSync: () => ["'ed25519'"],
      hkdfSync: () => ["'sha256'", "'key'", "'salt'", "'info'", '64'],
      randomUUID: () => [],
      createHash: () => ["'sha256'"],
    },
    specifiers: ['crypto', 'node:crypto'],
  },
  zlib: {
    calls: {
      gzipSync: (g) => [g.value()],
      gunzipSync: (g) => [g.value()],
      deflateSync: (g) => [g.value()],
      brotliCompressSync: (g) => [g.value()],
      inflateRawSync: (g) => [g.value()],
    },
    specifiers: ['zlib', 'node:zlib'],
  },
};

const PACKAGES = {
  bcrypt: { calls: { hashSync: (g) => [g.value(), '10'], compareSync: (g) => [g.value(), 'hash'] }, specifiers: ['bcrypt', 'bcryptjs'] },
};

class Generator {
  constructor(seed, options = {}) {
    this.random = createRandom(seed);
    this.language = options.language ?? (this.chance(0.4) ? 'ts' : 'js');
    this.commonjs = options.commonjs ?? this.chance(0.3);
    this.semicolons = this.chance(0.7);
    this.counter = 0;
    this.hasCreateRequire = false;
    this.accessors = []; // { module, member, text } for every imported blocking member
  }

  chance(probability) {
    return this.random() < probability;
  }

  int(min, max) {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick(items) {
    return items[Math.floor(this.random() * items.length)];
  }

  /** Zero or one of `items`. */
  maybe(items) {
    return this.chance(0.5) ? [this.pick(items)] : [];
  }

  name(prefix) {
    this.counter++;
    return `${prefix}${this.counter}`;
  }

  get ts() {
    return this.language === 'ts';
  }

  type(text) {
    return this.ts ? `: ${text}` : '';
  }

  comment() {
    return this.chance(0.15) ? this.pick(['/* c */ ', '/** doc */ ', '/* await */ ']) : '';
  }

  path() {
    return this.pick(["'config.json'", 'file', '`${dir}/data.txt`', 'paths[0]', 'path.join(dir, name)', "new URL('./x', import.meta.url)"].filter(
      (text) => !(this.commonjs && text.includes('import.meta')),
    ));
  }

  value() {
    return this.pick(["'secret'", 'data', 'Buffer.from(text)', 'input ?? ""', '`${name}`', 'JSON.stringify(state)']);
  }

  // ---- module header ------------------------------------------------------------------------

  header() {
    const lines = [];
    if (this.commonjs && this.chance(0.5)) lines.push("'use strict'");
    const modules = [...Object.keys(BUILTINS)].filter(() => this.chance(0.7));
    if (!modules.includes('fs')) modules.push('fs');
    if (this.chance(0.2)) modules.push('bcrypt');
    for (const module of modules) lines.push(...this.importModule(module));
    lines.push(this.commonjs ? "const path = require('node:path')" : "import path from 'node:path'");
    if (this.chance(0.3)) lines.push(this.commonjs ? "const { setTimeout: sleep } = require('node:timers/promises')" : "import { setTimeout as sleep } from 'node:timers/promises'");
    lines.push(`const dir${this.type('string')} = process.cwd()`);
    lines.push(`const paths${this.type('string[]')} = ['a.txt', 'b.txt']`);
    lines.push(`let state${this.type('Record<string, unknown>')} = {}`);
    return lines;
  }

  importModule(module) {
    const spec = BUILTINS[module] ?? PACKAGES[module];
    const specifier = this.pick(spec.specifiers);
    const members = Object.keys(spec.calls).filter(() => this.chance(0.6));
    if (members.length === 0) members.push(Object.keys(spec.calls)[0]);
    const local = this.name(module.replace(/\W/g, '_').replace(/^_+/, '') || 'mod');
    const style = this.commonjs
      ? this.pick(this.ts ? ['require', 'destructure', 'inline', 'builtin', 'import-equals'] : ['require', 'destructure', 'inline', 'builtin'])
      : this.pick(['namespace', 'default', 'named', 'named', 'require-in-esm']);
    const add = (member, text) => this.accessors.push({ module, member, text, promises: spec.promises === true });
    switch (style) {
      case 'namespace':
        for (const member of members) add(member, `${local}.${member}`);
        return [`import * as ${local} from '${specifier}'`];
      case 'default':
        if (PACKAGES[module]) return this.importModuleNamed(module, specifier, members, add);
        for (const member of members) add(member, `${local}.${member}`);
        return [`import ${local} from '${specifier}'`];
      case 'named':
        return this.importModuleNamed(module, specifier, members, add);
      case 'require-in-esm': {
        for (const member of members) add(member, `${local}.${member}`);
        const lines = this.hasCreateRequire ? [] : ["import { createRequire } from 'node:module'"];
        this.hasCreateRequire = true;
        return [...lines, `const ${local} = createRequire(import.meta.url)('${specifier}')`];
      }
      case 'require':
        for (const member of members) add(member, `${local}.${member}`);
        return [`const ${local} = require('${specifier}')`];
      case 'import-equals':
        for (const member of members) add(member, `${local}.${member}`);
        return [`import ${local} = require('${specifier}')`];
      case 'destructure': {
        const parts = members.map((member) => {
          const alias = this.chance(0.3) ? this.name(member) : member;
          add(member, alias);
          return alias === member ? member : `${member}: ${alias}`;
        });
        return [`const { ${parts.join(', ')} } = require('${specifier}')`];
      }
      case 'inline':
        for (const member of members) add(member, `require('${specifier}').${member}`);
        return [];
      case 'builtin':
        if (PACKAGES[module]) {
          for (const member of members) add(member, `${local}.${member}`);
          return [`const ${local} = require('${specifier}')`];
        }
        for (const member of members) add(member, `process.getBuiltinModule('${specifier}').${member}`);
        return [];
      default:
        throw new Error(`unknown import style ${style}`);
    }
  }

  importModuleNamed(module, specifier, members, add) {
    const parts = members.map((member) => {
      const alias = this.chance(0.3) ? this.name(member) : member;
      add(member, alias);
      return alias === member ? member : `${member} as ${alias}`;
    });
    return [`import { ${parts.join(', ')} } from '${specifier}'`];
  }

  // ---- expressions ---------------------------------------------------------------------------

  blockingCall() {
    const candidates = this.accessors.filter((accessor) => !accessor.promises);
    const accessor = this.pick(candidates.length > 0 ? candidates : this.accessors);
    const spec = BUILTINS[accessor.module] ?? PACKAGES[accessor.module];
    const args = spec.calls[accessor.member](this).join(', ');
    const optional = !accessor.text.startsWith('require(') && !accessor.text.startsWith('process.') && this.chance(0.05) ? '?.' : '';
    const callee = optional && accessor.text.includes('.') ? accessor.text.replace(/\.(\w+)$/, '?.$1') : accessor.text;
    const call = `${callee}(${args})`;
    return this.chance(0.1) ? `(${call})` : call;
  }

  /** A promise-returning call: a local async function, a promises API, or a method. */
  asyncCall(context) {
    const options = [...context.asyncFunctions.map((name) => `${name}(${this.pick(['x', 'item', "'a'", ''])})`), 'fetchJson(url)', 'db.query(sql)', 'sleep?.(10)'];
    const promises = this.accessors.filter((accessor) => accessor.promises);
    if (promises.length > 0) {
      const accessor = this.pick(promises);
      options.push(`${accessor.text}(${BUILTINS[accessor.module].calls[accessor.member](this).join(', ')})`);
    }
    if (this.ts && this.chance(0.2)) return `load<string>(${this.path()})`;
    return this.pick(options);
  }

  cpuWork() {
    return this.pick([
      'JSON.parse(text)',
      "crypto.createHash('sha256').update(text).digest('hex')",
      'items.sort((a, b) => a - b)',
      'Atomics.wait(int32, 0, 0, 100)',
    ]);
  }

  // ---- statements ----------------------------------------------------------------------------

  /** Statements for a body; `context`: { async, loop, depth, asyncFunctions, labels, generator } */
  statements(context, count) {
    const out = [];
    for (let index = 0; index < count; index++) out.push(...this.statement(context));
    return out;
  }

  statement(context) {
    const deep = context.depth >= 3;
    const kinds = [
      ['blocking', 5],
      ['blockingValue', 3],
      ['plain', 2],
      ...(context.async ? [['await', 4], ['awaitValue', 3], ['stored', 2], ['parallel', 1]] : []),
      ...(context.async && !deep ? [['independentLoop', 3]] : []),
      ['dropped', 3],
      ['handled', 2],
      ...(deep ? [] : [['loop', 4], ['if', 2], ['try', 2], ['nested', 2], ['callback', 2], ['executor', 1], ['cpuLoop', 1], ['busyWait', 1]]),
      ...(context.loop ? [['exit', 1]] : []),
      ...(!this.commonjs && context.function && !deep ? [['using', 0.3]] : []),
    ];
    const total = kinds.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.random() * total;
    let kind = kinds[0][0];
    for (const [candidate, weight] of kinds) {
      roll -= weight;
      if (roll < 0) {
        kind = candidate;
        break;
      }
    }
    return this[`${kind}Statement`](context).map((line) => line.replace(/^(\s*)/, (indent) => `${indent}${this.comment()}`));
  }

  blockingStatement() {
    return [this.chance(0.1) ? `void ${this.blockingCall()}` : this.blockingCall()];
  }

  blockingValueStatement() {
    const name = this.name('v');
    const call = this.blockingCall();
    return [
      this.pick([
        `const ${name} = ${call}`,
        `const ${name}${this.type('unknown')} = ${call} ?? null`,
        `const ${name} = JSON.parse(String(${call}))`,
        `const ${name} = \`prefix \${${call}}\``,
        `const ${name} = cond ? ${call} : undefined`,
        `const ${name} = [${call}, ${this.blockingCall()}]`,
        `state = { ...state, ${name}: ${call} }`,
        this.ts ? `const ${name} = ${call} as unknown as string` : `const ${name} = (${call})`,
      ]),
    ];
  }

  plainStatement() {
    return [this.pick(['console.log(state)', 'count++', `items.push(${this.value()})`, '[a, b] = [b, a]', '(function () {})()', '`template`.length', '/re/.test(text)'])];
  }

  awaitStatement(context) {
    const call = this.asyncCall(context);
    return [this.pick([`await ${call}`, `await (${call})`, `await ${call}.then((value) => value)`, `await Promise.all([${call}, ${this.asyncCall(context)}])`])];
  }

  awaitValueStatement(context) {
    const name = this.name('r');
    return [
      this.pick([
        `const ${name} = await ${this.asyncCall(context)}`,
        `const { data: ${name} } = await ${this.asyncCall(context)}`,
        `results.push(await ${this.asyncCall(context)})`,
        `acc = await ${context.asyncFunctions[0] ?? 'step'}(acc)`,
        `if (await ${this.asyncCall(context)}) count++`,
        `const ${name} = (await ${this.asyncCall(context)}) ?? fallback`,
      ]),
    ];
  }

  storedStatement(context) {
    const name = this.name('p');
    const middle = this.chance(0.5) ? [`await ${this.asyncCall(context)}`] : ['count++'];
    return [`const ${name} = ${this.asyncCall(context)}`, ...middle, this.pick([`await ${name}`, `return ${name}`, `pending.push(${name})`, `${name}.catch(console.error)`])].filter(
      (line) => !line.startsWith('return') || context.function,
    );
  }

  parallelStatement(context) {
    return [
      this.pick([
        `await Promise.all(items.map(async (item) => ${this.asyncCall(context)}))`,
        `await Promise.allSettled(paths.map((file) => ${this.asyncCall(context)}))`,
        `for await (const chunk of stream) chunks.push(chunk)`,
      ]),
    ];
  }

  droppedStatement(context) {
    const call = this.asyncCall(context);
    return [
      this.pick([
        call,
        `${call}.then((value) => console.log(value))`,
        `${call}.finally(() => done())`,
        `new Promise((resolve) => setTimeout(resolve, 10))`,
        `Promise.all([${call}])`,
        `;(async () => { await ${call} })()`,
        `emitter.on('data', async (chunk) => { await ${call} })`,
        `setTimeout(async () => { ${this.blockingCall()} }, 0)`,
        `items.forEach(async (item) => { await ${call} })`,
      ]),
    ];
  }

  handledStatement(context) {
    const call = this.asyncCall(context);
    return [
      this.pick([
        `void ${call}`,
        `${call}.catch(() => {})`,
        `${call}.then(ok, fail)`,
        `${call}.catch(console.error).finally(done)`,
        context.function ? `return ${call}` : `module.exports.ready = ${call}`,
        `queue.add(() => ${call})`,
      ]).replace(/^module\.exports/, this.commonjs ? 'module.exports' : 'globalThis'),
    ];
  }

  loopStatement(context) {
    const inner = { ...context, loop: true, depth: context.depth + 1 };
    const label = this.chance(0.1) ? this.name('outer') : null;
    if (label) inner.labels = [...context.labels, label];
    const body = this.statements(inner, this.int(1, 3));
    const item = this.name('item');
    const index = this.name('i');
    const heads = [
      `for (const ${item} of ${this.pick(['items', 'paths', 'Object.keys(state)', 'await list()'].filter((text) => context.async || !text.includes('await')))})`,
      `for (let ${index} = 0; ${index} < paths.length; ${index}++)`,
      `for (const ${item} in state)`,
      'while (queue.length > 0)',
      ...(context.async ? [`for await (const ${item} of source())`] : []),
    ];
    const prefix = label ? `${label}: ` : '';
    if (this.chance(0.15)) return [`${prefix}do {`, ...this.indent(body), '} while (count < 10)'];
    return [`${prefix}${this.pick(heads)} {`, ...this.indent(body), '}'];
  }

  /** Loops whose iterations do not depend on each other: collect, filter, fire-for-each, fixed pairs. */
  independentLoopStatement(context) {
    const item = this.name('item');
    const result = this.name('out');
    const call = this.asyncCall({ ...context, asyncFunctions: context.asyncFunctions.length > 0 ? context.asyncFunctions : ['load'] }).replace(
      /\((x|item|'a'|)\)$/,
      `(${item})`,
    );
    const source = this.pick(['items', 'paths', "['a', 'b']", 'Object.keys(state)', 'new Set(paths)']);
    const bodies = [
      [`${result}.push(await ${call})`],
      [`const value = await ${call}`, `${result}.push(value)`],
      [`if (await ${call}) ${result}.push(${item})`],
      [`await ${call}.catch(() => {})`],
      [`const value${this.type('unknown')} = await ${call}`, `byName[${item}] = value`],
      [`${result}.add(await ${call})`],
      [`await ${call}`],
    ];
    const value = this.name('value');
    const body = this.pick(bodies).map((line) => line.replaceAll('value', value));
    const head = this.chance(0.8) ? `for (const ${item} of ${source})` : `for (let ${item} = 0; ${item} < paths.length; ${item}++)`;
    const declared = this.chance(0.5) ? [`const ${result}${this.type('any[]')} = []`] : [];
    if (body.length === 1 && this.chance(0.3)) return [...declared, `${head} ${body[0]}`];
    return [...declared, `${head} {`, ...this.indent(body), '}'];
  }

  exitStatement(context) {
    const label = context.labels.length > 0 && this.chance(0.4) ? ` ${this.pick(context.labels)}` : '';
    const options = [`if (count > 3) break${label}`, `if (!state) continue${label}`];
    if (context.function) options.push('if (done) return', `if (!ok) throw new Error('failed')`);
    return [this.pick(options)];
  }

  ifStatement(context) {
    const inner = { ...context, depth: context.depth + 1 };
    const condition = context.async && this.chance(0.3) ? `await ${this.asyncCall(context)}` : this.pick(['cond', 'count > 1', `${this.blockingCall()}`]);
    const lines = [`if (${condition}) {`, ...this.indent(this.statements(inner, this.int(1, 2))), '}'];
    if (this.chance(0.4)) lines.push('else {', ...this.indent(this.statements(inner, 1)), '}');
    return lines;
  }

  tryStatement(context) {
    const inner = { ...context, depth: context.depth + 1 };
    const lines = ['try {', ...this.indent(this.statements(inner, this.int(1, 3))), '}'];
    if (this.chance(0.8)) {
      const binding = this.chance(0.7) ? ' (error)' : '';
      lines.push(`catch${binding} {`, ...this.indent(this.chance(0.5) ? ["console.error('failed')"] : this.statements(inner, 1)), '}');
    }
    else lines.push('finally {', ...this.indent(this.statements(inner, 1)), '}');
    return lines;
  }

  nestedStatement(context) {
    const name = this.name('helper');
    const async = this.chance(0.6);
    const inner = { ...context, async, loop: false, labels: [], depth: context.depth + 1, function: true };
    const body = this.indent(this.statements(inner, this.int(1, 3)));
    const params = this.ts ? `(x: string, item?: number)` : '(x, item)';
    const returnType = this.ts ? (async ? ': Promise<void>' : ': void') : '';
    const form = this.pick(['declaration', 'arrow', 'expression']);
    if (form === 'declaration') return [`${async ? 'async ' : ''}function ${name}${params}${returnType} {`, ...body, '}'];
    if (form === 'arrow') return [`const ${name} = ${async ? 'async ' : ''}${params}${returnType} => {`, ...body, '}'];
    return [`const ${name} = ${async ? 'async ' : ''}function ${params}${returnType} {`, ...body, '}'];
  }

  callbackStatement(context) {
    const method = this.pick(['map', 'forEach', 'filter', 'some', 'reduce']);
    const call = this.blockingCall();
    if (method === 'reduce') return [`const ${this.name('total')} = items.reduce((sum, item) => sum + String(${call}).length, 0)`];
    if (this.chance(0.5)) return [`const ${this.name('list')} = paths.${method}((file) => ${call})`];
    return [`paths.${method}((file) => {`, ...this.indent([call, 'return true']), '})'];
  }

  executorStatement() {
    return [`const ${this.name('loaded')} = new Promise((resolve, reject) => {`, ...this.indent([`resolve(${this.blockingCall()})`]), '})'];
  }

  cpuLoopStatement() {
    const i = this.name('i');
    const j = this.name('j');
    return [
      `for (let ${i} = 0; ${i} < 1000; ${i}++) {`,
      ...this.indent([`for (let ${j} = 0; ${j} < items.length; ${j}++) {`, ...this.indent([`total += ${i} * ${j}`, this.cpuWork()]), '}']),
      '}',
    ];
  }

  busyWaitStatement() {
    return [
      this.pick([
        'const end = Date.now() + 100; while (Date.now() < end) {}',
        'const start = performance.now(); while (performance.now() - start < 5) { /* spin */ }',
        'while (!ready) {}',
      ]).replace(/\bend\b/g, this.name('end')).replace(/\bstart\b/g, this.name('start')),
    ];
  }

  usingStatement(context) {
    return [context.async && this.chance(0.5) ? `await using ${this.name('handle')} = open(file)` : `using ${this.name('lock')} = acquire()`];
  }

  indent(lines) {
    return lines.map((line) => `  ${line}`);
  }

  // ---- program -------------------------------------------------------------------------------

  functionDeclaration(name, async, asyncFunctions) {
    const context = { async, loop: false, labels: [], depth: 0, asyncFunctions, function: true };
    const params = this.ts ? '(x: string, item: unknown = null)' : '(x, item = null)';
    const returnType = this.ts ? (async ? ': Promise<unknown>' : ': unknown') : '';
    const exported = !this.commonjs && this.chance(0.3) ? 'export ' : '';
    const generator = async && this.chance(0.1) ? '*' : '';
    const body = this.statements(context, this.int(2, 6));
    if (generator) body.push(`yield ${this.pick(['x', 'await x'])}`);
    return [`${exported}${async ? 'async ' : ''}function${generator} ${name}${params}${generator ? '' : returnType} {`, ...this.indent(body), '}'];
  }

  classDeclaration(asyncFunctions) {
    const name = this.name('Service');
    const lines = [`${this.ts && this.chance(0.3) ? '@injectable() ' : ''}class ${name} {`];
    if (this.ts) lines.push('  private cache = new Map<string, string>()');
    else lines.push('  cache = new Map()');
    for (let index = 0; index < this.int(1, 3); index++) {
      const async = this.chance(0.7);
      const context = { async, loop: false, labels: [], depth: 1, asyncFunctions, function: true };
      const modifier = this.ts ? this.pick(['', 'public ', 'private ', 'protected ']) : this.pick(['', 'static ', '']);
      const method = this.name('method');
      lines.push(`  ${modifier}${async ? 'async ' : ''}${method}(${this.ts ? 'x: string' : 'x'}) {`, ...this.indent(this.indent(this.statements(context, this.int(1, 4)))), '  }');
    }
    lines.push('}');
    return lines;
  }

  program() {
    const lines = this.header();
    const asyncFunctions = [];
    for (let index = 0; index < this.int(1, 3); index++) asyncFunctions.push(this.name('task'));
    const declarations = [];
    for (const name of asyncFunctions) declarations.push(...this.functionDeclaration(name, true, asyncFunctions));
    if (this.chance(0.5)) declarations.push(...this.functionDeclaration(this.name('sync'), false, asyncFunctions));
    if (this.chance(0.5)) declarations.push(...this.classDeclaration(asyncFunctions));
    if (this.chance(0.3)) {
      const context = { async: true, loop: false, labels: [], depth: 1, asyncFunctions, function: true };
      declarations.push('const handlers = {', `  async handle(${this.ts ? 'x: string' : 'x'}) {`, ...this.indent(this.indent(this.statements(context, 2))), '  },', '}');
    }
    if (this.ts && this.chance(0.3)) declarations.push('interface Options { retries: number }', 'enum Mode { Fast, Slow }', 'type Loader = (x: string) => Promise<string>');
    lines.push(...declarations);
    const topLevel = { async: !this.commonjs && this.chance(0.4), loop: false, labels: [], depth: 1, asyncFunctions, function: false };
    lines.push(...this.statements(topLevel, this.int(1, 4)));
    if (this.commonjs) lines.push(`module.exports = { ${asyncFunctions.join(', ')} }`);
    return this.render(lines);
  }

  /**
   * Joins the lines, ending statements with or without semicolons; a line that ASI would join to
   * the previous one (starting with `(`, `[`, a template, a regex, `+`, `-`) gets a leading `;`.
   */
  render(lines) {
    const out = [];
    let previousEndsStatement = true;
    for (const line of lines) {
      const trimmed = line.trimEnd();
      const bare = trimmed.replace(/^\s*(\/\*.*?\*\/\s*)*/, '');
      const structural =
        /[{(,[]$/.test(trimmed) ||
        /^[}\])]/.test(bare) ||
        /^(else|catch|finally)\b/.test(bare) ||
        /^(export\s+)?(async\s+)?(function|class|interface|enum)\b/.test(bare) ||
        /^@\w+\(\)\s+class\b/.test(bare);
      let text = trimmed;
      if (!previousEndsStatement && /^[([`/+-]/.test(bare)) text = `${trimmed.slice(0, trimmed.length - bare.length)};${bare}`;
      if (!structural && this.semicolons) text += ';';
      out.push(text);
      previousEndsStatement = /[;{]$/.test(text);
    }
    return `${out.join('\n')}\n`;
  }
}

/**
 * A random async/await-heavy program for `seed`: `{ code, language: 'js' | 'ts', commonjs }`.
 * `options.language` / `options.commonjs` fix what is otherwise drawn from the seed.
 */
export function generateAsyncProgram(seed, options = {}) {
  const generator = new Generator(seed, options);
  const code = generator.program();
  return { code, language: generator.language, commonjs: generator.commonjs };
}

/** File extension a generated program is linted as (sets the parser and the source type). */
export function getExtension({ language, commonjs }) {
  if (language === 'ts') return commonjs ? 'cts' : 'ts';
  return commonjs ? 'cjs' : 'mjs';
}
