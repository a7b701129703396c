/** The options and message ids of floating-task; `../floating-task.ts` re-exports them beside the rule's meta. */
export type Options = [
  {
    ignoreVoid?: boolean;
    ignoreIIFE?: boolean;
    promiseFunctions?: string[];
    allowFunctions?: string[];
    catchHandler?: string | null;
    checkLateAwait?: boolean;
    checkCallbacks?: boolean;
    autofix?: 'none' | 'await';
    mode?: 'auto' | 'syntactic' | 'type-aware';
  },
];

export type MessageIds =
  | 'floating'
  | 'floatingMaybe'
  | 'floatingArray'
  | 'forgottenTask'
  | 'forgottenTasks'
  | 'lateAwait'
  | 'lateAwaitTasks'
  | 'loopThrow'
  | 'drainedQueue'
  | 'forEachCallback'
  | 'forEachCallbackOutsideAsync'
  | 'voidCallback'
  | 'suggestAwait'
  | 'suggestVoid'
  | 'suggestCatch'
  | 'suggestAwaitAll'
  | 'suggestAwaitTask'
  | 'suggestVoidInit'
  | 'suggestPromiseAll'
  | 'suggestCatchTask'
  | 'suggestMapAll'
  | 'suggestForOf'
  | 'suggestTryCatchInside'
  | 'suggestCatchInside';
