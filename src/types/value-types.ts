import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';

/** Whether the checker types `node` as an array or a tuple. */
export function isArrayOrTupleType(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  const checker = services.program.getTypeChecker();
  const type = services.getTypeAtLocation(node);
  return checker.isArrayType(type) || checker.isTupleType(type);
}

/** Whether the checker types `node` as a number, or a union with a number (literal) in it. */
export function hasNumberType(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  const checker = services.program.getTypeChecker();
  const numberType = checker.getNumberType();
  const type = services.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => checker.getBaseTypeOfLiteralType(part) === numberType);
}
