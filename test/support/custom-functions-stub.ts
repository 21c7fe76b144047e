// A stand-in for Excel's CustomFunctions global, with the same error codes, so that the
// Excel entry points in src/functions/functions.ts can run under Node.
export class StubCustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const STUB_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Installs the stub as the global CustomFunctions (once); associate calls are recorded. */
export function installCustomFunctionsStub(): { associated: Map<string, unknown> } {
  const globals = globalThis as unknown as { CustomFunctions?: unknown; __agapAssociated?: Map<string, unknown> };
  if (!globals.__agapAssociated) {
    const associated = new Map<string, unknown>();
    globals.__agapAssociated = associated;
    globals.CustomFunctions = {
      Error: StubCustomFunctionError,
      ErrorCode: STUB_ERROR_CODES,
      associate: (id: string, fn: unknown) => associated.set(id, fn),
    };
  }
  return { associated: globals.__agapAssociated };
}
