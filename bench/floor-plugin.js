// The benchmark's floor: one rule that does nothing. ESLint with no rule at all skips the AST
// traversal (and the scope analysis stays lazy), so a floor without a rule would hide the cost
// every rule pays just for being run; with this one rule, the floor is parse + traverse.
//
// Also `checker-work`, which the type-aware runs add beside the measured rules: it listens to
// nothing and keeps each file's TypeScript program, so the process can read how much the checker
// built for the rules (`getCheckerWork`). Types and instantiations are made only when something asks
// the checker, and their counts are the same on every run: a measure of checker questions that a
// busy machine does not blur, beside the rule times, which it does.

/** The programs of the files linted with `bench-floor/checker-work` in this process. */
const programs = new Set();

/** Types and type instantiations the checkers of those programs made, summed. */
export function getCheckerWork() {
  let types = 0;
  let instantiations = 0;
  for (const program of programs) {
    const checker = program.getTypeChecker();
    types += checker.getTypeCount();
    instantiations += checker.getInstantiationCount();
  }
  return { programs: programs.size, types, instantiations };
}

export default {
  meta: { name: 'bench-floor' },
  rules: {
    program: {
      meta: { type: 'problem', schema: [], docs: { description: 'Does nothing: the benchmark floor.' } },
      create: () => ({ Program() {} }),
    },
    'checker-work': {
      meta: { type: 'problem', schema: [], docs: { description: "Keeps each file's TypeScript program, to count the checker's work." } },
      create(context) {
        const program = context.sourceCode.parserServices?.program;
        if (program) programs.add(program);
        return {};
      },
    },
  },
};
