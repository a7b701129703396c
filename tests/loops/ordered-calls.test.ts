import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  getAwaitedCall,
  isAlreadyStartedPromise,
  isConcurrentBatchCall,
  isFileWriteCall,
  isLifecycleMethodName,
  isOrderedUnitCall,
  isOutputCall,
  isProcessRunnerCall,
  isProcessRunnerTag,
  isPromptCall,
  isSharedStateName,
  isValueChain,
  type CallNode,
} from '../../src/loops/ordered-calls.js';
import { withFirst } from '../helpers/loop-test-helpers.js';

/** The expression `await X` awaits, in an async function. */
const withAwaited = <T>(expression: string, inspect: (awaited: TSESTree.AwaitExpression) => T): T =>
  withFirst(`async function f() { await ${expression}; }`, 'AwaitExpression', (node) => inspect(node as TSESTree.AwaitExpression));

/** The outermost call of an expression statement. */
const withCall = <T>(code: string, inspect: (call: CallNode) => T): T =>
  withFirst(code, 'ExpressionStatement', (node) => {
    if (node.type !== AST_NODE_TYPES.ExpressionStatement) throw new Error('no statement');
    const expression = node.expression;
    if (expression.type !== AST_NODE_TYPES.CallExpression && expression.type !== AST_NODE_TYPES.NewExpression) throw new Error('no call');
    return inspect(expression);
  });

describe('getAwaitedCall', () => {
  it.each([
    ['f(x)', 'f'],
    ['f(x).catch(h)', 'f'],
    ['f(x).then(a, b).finally(c)', 'f'],
    ['new Promise((r) => r(1))', 'Promise'],
    ['a.b.load(x)', 'load'],
  ])('finds the working call of await %s', (expression, callee) => {
    const name = withAwaited(expression, (node) => {
      const call = getAwaitedCall(node);
      const target = call?.callee;
      return target?.type === AST_NODE_TYPES.Identifier ? target.name : target?.type === AST_NODE_TYPES.MemberExpression && target.property.type === AST_NODE_TYPES.Identifier ? target.property.name : null;
    });
    expect(name).toBe(callee);
  });
  it('is null for values', () => {
    expect(withAwaited('p', (node) => getAwaitedCall(node))).toBeNull();
  });
  it('keeps the handler call when the chain starts from a value', () => {
    expect(withAwaited('p.then(f)', (node) => getAwaitedCall(node)?.type)).toBe(AST_NODE_TYPES.CallExpression);
  });
});

describe('isAlreadyStartedPromise', () => {
  it.each(['p', 'task.promise', 'tasks[i].done', 'this.ready', 'p.then(f)', 'p.catch(noop).finally(g)', "once(emitter, 'close')", 'events.once(child, "exit")'])(
    '%s waits for work started before',
    (expression) => {
      expect(withAwaited(expression, (node) => isAlreadyStartedPromise(node.argument))).toBe(true);
    },
  );
  it.each(['f(x)', 'f(x).then(g)', 'new Promise((r) => r())', 'tasks[next()].done'])('%s starts work', (expression) => {
    expect(withAwaited(expression, (node) => isAlreadyStartedPromise(node.argument))).toBe(false);
  });
});

describe('isConcurrentBatchCall', () => {
  it.each(['Promise.all(xs.map(f))', 'Promise.allSettled(ps)', 'Promise.race([a, b])', 'pMap(xs, f)', 'utils.mapLimit(xs, 2, f)'])('%s is a batch', (expression) => {
    expect(withAwaited(expression, (node) => isConcurrentBatchCall(node.argument))).toBe(true);
  });
  it.each(['Promise.resolve(x)', 'all(xs)', 'MyPromise.all(xs)', 'p'])('%s is not', (expression) => {
    expect(withAwaited(expression, (node) => isConcurrentBatchCall(node.argument))).toBe(false);
  });
});

describe('isProcessRunnerCall', () => {
  it.each(['spawn("ls")', 'cp.spawnSync("ls")', 'execa("npm")', 'exec(cmd)', 'execFile(f)', 'runScript({ event })', '$(cmd)', 'this.callExec(args)', 'shell(cmd)'])(
    '%s runs a process',
    (code) => {
      expect(withCall(`${code};`, (call) => isProcessRunnerCall(call, true, false))).toBe(true);
    },
  );
  it.each([
    ['$`npm test`', true],
    ['execa.shell`ls`', true],
    ['sh`make`', true],
    ['html`<p>`', false],
    ['sql`select 1`', false],
  ])('tagged template %s runs a process: %s', (code, expected) => {
    expect(withFirst(`${code};`, 'TaggedTemplateExpression', (node) => isProcessRunnerTag(node as TSESTree.TaggedTemplateExpression))).toBe(expected);
  });
  it('knows RegExp#exec is not awaited', () => {
    expect(withCall('re.exec(line);', (call) => isProcessRunnerCall(call, false, false))).toBe(false);
    expect(withCall('db.exec(sql);', (call) => isProcessRunnerCall(call, true, false))).toBe(true);
  });
  it('reads process options', () => {
    expect(withCall("pack(dir, { stdio: 'inherit' });", (call) => isProcessRunnerCall(call, true, false))).toBe(true);
    expect(withCall('pack(dir, { cwd: dir });', (call) => isProcessRunnerCall(call, true, false))).toBe(false);
  });
  it('trusts resolved module calls', () => {
    expect(withCall('run(x);', (call) => isProcessRunnerCall(call, false, true))).toBe(true);
  });
  it.each(['execute(q)', 'load(x)', 'forklift(x)'])('%s is not a process', (code) => {
    expect(withCall(`${code};`, (call) => isProcessRunnerCall(call, true, false))).toBe(false);
  });
});

describe('isPromptCall', () => {
  it.each(['prompt(q)', 'confirm("ok?")', 'rl.question(q)', 'readline.question(q)', 'inquirer.prompt(qs)', 'otplease(o, f)', 'askName()', 'readOtp()'])('%s asks the user', (code) => {
    expect(withCall(`${code};`, isPromptCall)).toBe(true);
  });
  it.each(['task(q)', 'askew()', 'load(x)'])('%s does not', (code) => {
    expect(withCall(`${code};`, isPromptCall)).toBe(false);
  });
});

describe('isOutputCall', () => {
  it.each(['console.log(x)', 'console.error(e)', 'process.stdout.write(s)', 'log.info(x)', 'logger.warn(x)', 'output.standard(x)', 'this.log(x)', 'print(x)', 'printTable(t)', 'spinner.text(x)'])(
    '%s prints',
    (code) => {
      expect(withCall(`${code};`, isOutputCall)).toBe(true);
    },
  );
  it.each(['res.write(x)', 'save(x)', 'new Logger()', 'catalog.add(x)'])('%s does not', (code) => {
    expect(withCall(`${code};`, isOutputCall)).toBe(false);
  });
});

describe('isFileWriteCall', () => {
  it.each(['writeFile(p, d)', 'fs.appendFile(p, d)', 'fse.outputJson(p, d)'])('%s writes a file', (code) => {
    expect(withCall(`${code};`, (call) => isFileWriteCall(call, false))).toBe(true);
  });
  it('does not take other calls for writes', () => {
    expect(withCall('readFile(p);', (call) => isFileWriteCall(call, false))).toBe(false);
  });
});

describe('isOrderedUnitCall', () => {
  it.each(['runTask(t)', 'runner.runSuite(s)', 'publish(m)', 'bus.emit("x")', 'importFile(f)', 'requireModule(m)', 'build(c)', 'installPackage(p)', 'migrateUp(m)'])(
    '%s runs an ordered unit',
    (code) => {
      expect(withCall(`${code};`, isOrderedUnitCall)).toBe(true);
    },
  );
  it.each(['load(x)', 'fetchUser(id)', 'rerun(x)', 'builder(x)'])('%s does not', (code) => {
    expect(withCall(`${code};`, isOrderedUnitCall)).toBe(false);
  });
  it('counts a dynamic import', () => {
    expect(withFirst('async function f(x) { await import(x); }', 'ImportExpression', isOrderedUnitCall)).toBe(true);
  });
});

describe('names', () => {
  it.each(['setup', 'close', 'handler', 'handleEvent', 'runTask', '_initBrowserServer', 'dispose'])('%s is a lifecycle method', (name) => {
    expect(isLifecycleMethodName(name)).toBe(true);
  });
  it.each(['save', 'load', 'toJSON', 'getName'])('%s is not', (name) => {
    expect(isLifecycleMethodName(name)).toBe(false);
  });
  it.each(['seen', 'visitedDirs', 'resultCache', 'state', 'ctx'])('%s names shared state', (name) => {
    expect(isSharedStateName(name)).toBe(true);
  });
  it.each(['options', 'opts', 'dir', 'config', 'cachePath', 'cacheKeys'])('%s does not', (name) => {
    expect(isSharedStateName(name)).toBe(false);
  });
});

describe('isValueChain', () => {
  it('accepts identifiers, members and this without calls', () => {
    expect(withAwaited('a.b[0].c', (node) => isValueChain(node.argument))).toBe(true);
    expect(withAwaited('this.x[k]', (node) => isValueChain(node.argument))).toBe(true);
    expect(withAwaited('a.b().c', (node) => isValueChain(node.argument))).toBe(false);
  });
});
