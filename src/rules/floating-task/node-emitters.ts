import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { skipTypeWrappers, skipValueWrappers } from '../../ast/unwrap.js';
import { mayMentionName } from '../../ast/name-mentions.js';
import { findImportedBinding } from '../../modules/ensure-import.js';
import { findModuleMemberReferences, type ModuleMemberMap } from '../../modules/module-tracker.js';
import { getConstantVariable } from '../../scope/constant-binding.js';
import { isGlobalReference } from '../../scope/globals.js';

/** Where a Node API takes a request or connection listener: `http.createServer([options,] listener)`. */
type ListenerApi = 'server';

const SERVER_MODULES = ['http', 'https', 'http2', 'net', 'tls'];
const LISTENER_API_NAMES = ['createServer', 'createSecureServer'];
const LISTENER_APIS: ModuleMemberMap<ListenerApi> = Object.fromEntries(
  SERVER_MODULES.map((module) => [module, Object.fromEntries(LISTENER_API_NAMES.map((name) => [name, 'server' as const]))]),
);

const EMITTER_MEMBERS: Record<string, readonly string[]> = {
  events: ['EventEmitter', 'default', 'EventEmitter.EventEmitter'],
  stream: ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'default'],
  net: ['createServer', 'connect', 'createConnection', 'Socket', 'Server'],
  http: ['createServer', 'request', 'get', 'Server'],
  https: ['createServer', 'request', 'get', 'Server'],
  http2: ['createServer', 'createSecureServer', 'connect'],
  tls: ['createServer', 'connect'],
  dgram: ['createSocket'],
  child_process: ['spawn', 'fork', 'exec', 'execFile'],
  worker_threads: ['Worker', 'parentPort'],
  readline: ['createInterface'],
  fs: ['createReadStream', 'createWriteStream', 'watch'],
  cluster: ['default', 'fork'],
};
const EMITTER_MEMBER_MAP: ModuleMemberMap<true> = Object.fromEntries(
  Object.entries(EMITTER_MEMBERS).map(([module, members]) => [module, Object.fromEntries(members.map((member) => [member, true]))]),
);

/**
 * `app.listen(port, ...)` kept in a variable: `net.Server#listen` returns its server, and the
 * frameworks that wrap Node's servers (Express, Koa, Connect) return the `http.Server` they start.
 */
function isListenCall(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'listen';
}

/**
 * The values of this file that are Node emitters, found without types: objects made by Node's
 * emitter modules (`new EventEmitter()`, `http.createServer()`, `spawn()`, `new Worker()`,
 * `fs.createReadStream()`, `parentPort`, the server `app.listen()` returns), and the listener APIs of its servers. Emitters call
 * their listeners and drop what they return.
 */
export class NodeEmitters {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private made: Set<TSESTree.Node> | null = null;
  private listenerApis: Map<TSESTree.Node, ListenerApi> | null = null;
  private emitterClassNames: Set<string> | null = null;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>) {
    this.sourceCode = sourceCode;
  }

  /** `createServer(listener)` of `http`, `https`, `http2`, `net`, `tls`: the call, when `call` is one. */
  getListenerApi(call: TSESTree.CallExpression | TSESTree.NewExpression): ListenerApi | null {
    if (!this.listenerApis) {
      // Most files spell neither member, and track nothing.
      this.listenerApis = new Map(
        mayMentionName(this.sourceCode, LISTENER_API_NAMES)
          ? findModuleMemberReferences(this.sourceCode, LISTENER_APIS, { builtin: true, types: ['call'] }).map((reference) => [reference.node, reference.info])
          : [],
      );
    }
    return this.listenerApis.get(call) ?? null;
  }

  /** Whether the receiver of `.on(...)` is known to be a Node emitter. */
  isNodeEmitter(receiver: TSESTree.Node): boolean {
    const value = skipValueWrappers(receiver);
    if (value.type === AST_NODE_TYPES.Identifier && value.name === 'process' && isGlobalReference(value, this.sourceCode)) return true;
    if (value.type === AST_NODE_TYPES.MemberExpression && !value.computed && value.property.type === AST_NODE_TYPES.Identifier) {
      // `process.stdin`, `process.stdout`, `child.stdout`: streams of a Node emitter.
      if (['stdin', 'stdout', 'stderr'].includes(value.property.name) && this.isNodeEmitter(value.object)) return true;
    }
    if (value.type === AST_NODE_TYPES.ThisExpression) return this.isInEmitterClass(value);
    const made = this.getMadeValues();
    if (made.has(value)) return true;
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = getConstantVariable(value, this.sourceCode);
    const def = variable?.defs[0];
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return made.has(value);
    const init = skipValueWrappers(def.node.init);
    return made.has(init) || isListenCall(init) || (init.type === AST_NODE_TYPES.NewExpression && this.isEmitterClass(init.callee));
  }

  private getMadeValues(): Set<TSESTree.Node> {
    if (!this.made) {
      const references = findModuleMemberReferences(this.sourceCode, EMITTER_MEMBER_MAP, { builtin: true });
      this.made = new Set(references.filter((reference) => reference.type !== 'read' || reference.member === 'parentPort').map((reference) => reference.node));
    }
    return this.made;
  }

  /** A class of this file that extends `EventEmitter` (from `events`). */
  private isEmitterClass(node: TSESTree.Node): boolean {
    const callee = skipTypeWrappers(node);
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = getConstantVariable(callee, this.sourceCode);
    const def = variable?.defs[0]?.node;
    const classNode = def?.type === AST_NODE_TYPES.ClassDeclaration ? def : null;
    return classNode !== null && this.extendsEmitter(classNode);
  }

  private extendsEmitter(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
    if (!classNode.superClass) return false;
    if (!this.emitterClassNames) {
      this.emitterClassNames = new Set(
        [
          findImportedBinding(this.sourceCode, { module: 'events', name: 'EventEmitter' }),
          findImportedBinding(this.sourceCode, { module: 'events', name: 'default' }),
        ].filter((name): name is string => name !== null),
      );
      for (const name of [...this.emitterClassNames]) this.emitterClassNames.add(`${name}.EventEmitter`);
    }
    return this.emitterClassNames.has(this.sourceCode.getText(classNode.superClass));
  }

  private isInEmitterClass(node: TSESTree.Node): boolean {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ClassBody) return this.extendsEmitter(current.parent);
      if (
        (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) &&
        current.parent.type !== AST_NODE_TYPES.MethodDefinition
      ) {
        return false;
      }
    }
    return false;
  }
}
