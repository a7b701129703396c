// The benchmark's floor: one rule that does nothing. ESLint with no rule at all skips the AST
// traversal (and the scope analysis stays lazy), so a floor without a rule would hide the cost
// every rule pays just for being run; with this one rule, the floor is parse + traverse.

export default {
  meta: { name: 'bench-floor' },
  rules: {
    program: {
      meta: { type: 'problem', schema: [], docs: { description: 'Does nothing: the benchmark floor.' } },
      create: () => ({ Program() {} }),
    },
  },
};
