// Requirement-set audit: every Office.js member the code uses, with the requirement set its type
// definitions name ("[Api set: ExcelApi 1.9]"), found with the TypeScript type checker.
// A use needs no guard when the manifest's <Requirements> already demand that set and version;
// otherwise its call site must be guarded as src/workbook/api-support.ts describes.
//
//   node scripts/run-ts.js scripts/requirement-sets.ts [--all]   prints the unguarded uses (or all)
import fs from "fs";
import path from "path";
import ts from "typescript";

export const ROOT = path.resolve(__dirname, "..");

/** Declaration files whose members carry [Api set: …] tags. */
const OFFICE_TYPES = /[\\/]node_modules[\\/]@types[\\/](office-js|custom-functions-runtime|office-runtime)[\\/]/;
/** The guard helpers, by name; they must be declared in a file named api-support.ts. */
const GUARD_FILE = /[\\/]api-support\.ts$/;

export interface Requirement {
  set: string;
  /** "1.9", or "preview" for a member no released version has. */
  version: string;
  /** The tag's own words after the version, when it names conditions ("for setting it"). */
  note: string;
}

export interface Guard {
  set: string;
  version: string;
}

export interface Usage {
  file: string;
  line: number;
  column: number;
  /** e.g. "Excel.Range.getSpecialCells" */
  member: string;
  access: "read" | "write" | "call" | "load";
  /** null when neither the member nor its type names a requirement set. */
  requirement: Requirement | null;
  /** The tag as written, e.g. "ExcelApi 1.1 for reading visibility; 1.2 for setting it." */
  tag: string | null;
  guard: Guard | null;
}

export interface AuditResult {
  usages: Usage[];
  /** Uses that need more than the manifest's minimum and are not guarded for it. */
  violations: Usage[];
  minimums: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Versions and tags

/** Compares "1.10" and "1.9" as versions; "preview" is above every release. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => (v === "preview" ? [Infinity] : v.split(".").map(Number));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Reads "[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]" into clauses, each
 * with the set named last before it.
 */
export function parseApiSetTag(tag: string): Requirement[] {
  const clauses: Requirement[] = [];
  let set = "";
  for (const part of tag.split(/;|,(?=\s*(?:[A-Za-z]+\s+)?(?:\d+\.\d+|Preview\b))/)) {
    const match = /^\s*(?:([A-Za-z][A-Za-z]*)\s+)?(\d+\.\d+|Preview|BETA \(PREVIEW ONLY\))\b\s*(.*)$/i.exec(part);
    if (!match) continue;
    set = match[1] || set;
    if (!set) continue;
    const version = /^\d/.test(match[2]) ? match[2] : "preview";
    clauses.push({ set, version, note: match[3].replace(/\.$/, "").trim() });
  }
  return clauses;
}

/** The requirement of one use: the first clause, or the setter's clause for a write. */
export function requirementFor(tag: string, access: Usage["access"]): Requirement | null {
  const clauses = parseApiSetTag(tag);
  if (!clauses.length) return null;
  if (access === "write") {
    const setter = clauses.find((c) => /\bset(ting)?\b/i.test(c.note));
    if (setter) return setter;
  }
  return clauses[0];
}

function isOmitted(arg: ts.Expression | undefined): boolean {
  if (!arg) return true;
  const node = unwrapExpression(arg);
  if (node.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(node) && node.text === "undefined") return true;
  if (ts.isVoidExpression(node)) return true;
  return (
    ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && node.operand.getText() === "1"
  );
}

/**
 * For a call, a later clause counts when the call does what it names about a parameter:
 * "1.4 allows name parameter", "1.15 for adding `alwaysInsert` parameter" (the argument is given),
 * "1.4 allows index to be optional (null or -1)" (the argument is left out).
 */
export function requirementForCall(
  tag: string,
  parameters: string[],
  args: readonly ts.Expression[],
): Requirement | null {
  const clauses = parseApiSetTag(tag);
  let chosen = clauses[0] ?? null;
  for (const clause of clauses.slice(1)) {
    parameters.forEach((name, i) => {
      const omittedClause = new RegExp(`\\b${name} to be optional\\b`).test(clause.note);
      const givenClause = new RegExp(`\`${name}\`|\\b${name} parameter\\b`).test(clause.note);
      const applies = omittedClause ? isOmitted(args[i]) : givenClause && !isOmitted(args[i]);
      if (applies && chosen && clause.set === chosen.set && compareVersions(clause.version, chosen.version) > 0) {
        chosen = clause;
      }
    });
  }
  return chosen;
}

/** The sets and minimum versions a manifest's <Requirements> demand; ExcelApi is at least 1.1. */
export function manifestMinimums(xml: string): Record<string, string> {
  const minimums: Record<string, string> = { ExcelApi: "1.1" };
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml.replace(/<!--[\s\S]*?-->/g, ""));
  if (!requirements) return minimums;
  const defaultMin = /DefaultMinVersion="([^"]+)"/.exec(requirements[1])?.[1] ?? "1.1";
  for (const set of requirements[1].matchAll(/<Set\s+([^>]*?)\/?>/g)) {
    const name = /Name="([^"]+)"/.exec(set[1])?.[1];
    if (name) minimums[name] = /MinVersion="([^"]+)"/.exec(set[1])?.[1] ?? defaultMin;
  }
  return minimums;
}

// ---------------------------------------------------------------------------------------------
// Declarations

function isOfficeDeclaration(decl: ts.Declaration): boolean {
  return OFFICE_TYPES.test(decl.getSourceFile().fileName);
}

function tagOf(node: ts.Node): string | null {
  const owner = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  const text = owner.getSourceFile().text;
  for (const range of ts.getLeadingCommentRanges(text, owner.getFullStart()) ?? []) {
    const match = /\[Api set: ([^\]]+)\]/.exec(text.slice(range.pos, range.end));
    if (match) return match[1].replace(/\s+/g, " ").trim();
  }
  return null;
}

const CONTAINERS = new Set([
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ModuleDeclaration,
]);

/** "Excel.Range.getSpecialCells" for a member of class Range in namespace Excel. */
function qualifiedName(decl: ts.Declaration): string {
  const names: string[] = [];
  const own = ts.getNameOfDeclaration(decl);
  if (own) names.push(own.getText());
  for (let node: ts.Node | undefined = decl.parent; node; node = node.parent) {
    if (CONTAINERS.has(node.kind)) {
      const name = ts.getNameOfDeclaration(node as ts.Declaration);
      if (name) names.unshift(name.getText());
    }
  }
  return names.join(".");
}

/** The member's own tag, else its class's, enum's or interface's. */
function declarationTag(decl: ts.Declaration): string | null {
  const own = tagOf(decl);
  if (own) return own;
  for (let node: ts.Node | undefined = decl.parent; node; node = node.parent) {
    if (CONTAINERS.has(node.kind) && node.kind !== ts.SyntaxKind.ModuleDeclaration) return tagOf(node);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Guards

interface GuardCall {
  guard: Guard;
  /** withExcelApi/withApi: the callback that runs only where the set is supported. */
  callback?: ts.Node;
}

function resolvesToGuardFile(checker: ts.TypeChecker, callee: ts.Expression): boolean {
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return Boolean(symbol?.declarations?.some((d) => GUARD_FILE.test(d.getSourceFile().fileName)));
}

/** A call of one of the guard helpers with literal arguments, or null. */
function guardCall(checker: ts.TypeChecker, node: ts.Node): GuardCall | null {
  if (!ts.isCallExpression(node)) return null;
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
  const args = node.arguments;
  const literal = (i: number) => (args[i] && ts.isStringLiteralLike(args[i]) ? args[i].text : null);
  let found: GuardCall | null = null;
  if (name === "supportsExcelApi" && literal(0)) found = { guard: { set: "ExcelApi", version: literal(0)! } };
  else if (name === "supportsApi" && literal(0) && literal(1)) {
    found = { guard: { set: literal(0)!, version: literal(1)! } };
  } else if (name === "withExcelApi" && literal(0)) {
    found = { guard: { set: "ExcelApi", version: literal(0)! }, callback: args[1] };
  } else if (name === "withApi" && literal(0) && literal(1)) {
    found = { guard: { set: literal(0)!, version: literal(1)! }, callback: args[2] };
  }
  return found && resolvesToGuardFile(checker, callee) ? found : null;
}

function unwrapExpression(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

/** Guards that hold when the condition is true (a guard call, or one side of an &&). */
function guardsIfTrue(checker: ts.TypeChecker, condition: ts.Expression): Guard[] {
  const node = unwrap(condition);
  const call = guardCall(checker, node);
  if (call && !call.callback) return [call.guard];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [...guardsIfTrue(checker, node.left), ...guardsIfTrue(checker, node.right)];
  }
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    return guardsIfFalse(checker, node.operand);
  }
  return [];
}

/** Guards that hold when the condition is false (!guard, or one side of an ||). */
function guardsIfFalse(checker: ts.TypeChecker, condition: ts.Expression): Guard[] {
  const node = unwrap(condition);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    return guardsIfTrue(checker, node.operand);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    return [...guardsIfFalse(checker, node.left), ...guardsIfFalse(checker, node.right)];
  }
  return [];
}

/** True when the statement never lets control reach the statement after it. */
function alwaysExits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) return true;
  if (ts.isBlock(statement))
    return statement.statements.length > 0 && alwaysExits(statement.statements[statement.statements.length - 1]);
  return false;
}

/** Every guard that lexically encloses the node. */
function enclosingGuards(checker: ts.TypeChecker, node: ts.Node): Guard[] {
  const guards: Guard[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement) guards.push(...guardsIfTrue(checker, parent.expression));
      if (child === parent.elseStatement) guards.push(...guardsIfFalse(checker, parent.expression));
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) guards.push(...guardsIfTrue(checker, parent.condition));
      if (child === parent.whenFalse) guards.push(...guardsIfFalse(checker, parent.condition));
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
        guards.push(...guardsIfTrue(checker, parent.left));
      } else if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
        guards.push(...guardsIfFalse(checker, parent.left));
      }
    } else if (ts.isCallExpression(parent)) {
      const call = guardCall(checker, parent);
      if (call?.callback === child) guards.push(call.guard);
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent)) {
      // `if (!supportsExcelApi("1.9")) return;` guards the statements after it.
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && alwaysExits(statement.thenStatement)) {
          guards.push(...guardsIfFalse(checker, statement.expression));
        }
      }
    }
  }
  return guards;
}

function bestGuard(guards: Guard[], requirement: Requirement | null): Guard | null {
  const same = guards.filter((g) => !requirement || g.set === requirement.set);
  if (!same.length) return null;
  return same.reduce((a, b) => (compareVersions(a.version, b.version) >= 0 ? a : b));
}

// ---------------------------------------------------------------------------------------------
// Walking the code

function isWriteTarget(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

function officeDeclarations(symbol: ts.Symbol | undefined): ts.Declaration[] {
  return (symbol?.declarations ?? []).filter(isOfficeDeclaration);
}

/** The properties a load() argument names ("a, b/c", ["a"], {select, expand}), with where each is. */
function loadPaths(arg: ts.Expression): { path: string; at: ts.Node }[] {
  const fromString = (node: ts.StringLiteralLike) =>
    node.text
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => ({ path: p, at: node as ts.Node }));
  if (ts.isStringLiteralLike(arg)) return fromString(arg);
  if (ts.isArrayLiteralExpression(arg)) return arg.elements.filter(ts.isStringLiteralLike).flatMap(fromString);
  if (ts.isObjectLiteralExpression(arg)) {
    return arg.properties.flatMap((p) =>
      ts.isPropertyAssignment(p) && ["select", "expand"].includes(p.name.getText()) ? loadPaths(p.initializer) : [],
    );
  }
  return [];
}

function propertyOfType(checker: ts.TypeChecker, type: ts.Type, name: string): ts.Symbol | undefined {
  const direct = checker.getPropertyOfType(checker.getApparentType(type), name);
  if (direct) return direct;
  if (type.isUnion()) {
    for (const member of type.types) {
      const found = checker.getPropertyOfType(checker.getApparentType(member), name);
      if (found) return found;
    }
  }
  return undefined;
}

function auditSourceFile(checker: ts.TypeChecker, sourceFile: ts.SourceFile, rootDir: string): Usage[] {
  const usages: Usage[] = [];
  const record = (at: ts.Node, decl: ts.Declaration, access: Usage["access"], call?: ts.CallExpression) => {
    const tag = declarationTag(decl);
    const parameters = call && ts.isFunctionLike(decl) ? decl.parameters.map((p) => p.name.getText()) : [];
    const requirement = !tag
      ? null
      : call
        ? requirementForCall(tag, parameters, call.arguments)
        : requirementFor(tag, access);
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(at.getStart(sourceFile));
    usages.push({
      file: path.relative(rootDir, sourceFile.fileName).split(path.sep).join("/"),
      line: line + 1,
      column: character + 1,
      member: qualifiedName(decl),
      access,
      requirement,
      tag,
      guard: bestGuard(enclosingGuards(checker, at), requirement),
    });
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const parent = node.parent;
      const called = ts.isCallExpression(parent) && parent.expression === node;
      // A call resolves to one overload, which may carry its own tag.
      const signature = called ? checker.getResolvedSignature(parent)?.getDeclaration() : undefined;
      const decls =
        signature && isOfficeDeclaration(signature)
          ? [signature]
          : officeDeclarations(checker.getSymbolAtLocation(node.name));
      if (decls.length) {
        const access = called ? "call" : isWriteTarget(node) ? "write" : "read";
        record(node.name, decls[0], access, called ? (parent as ts.CallExpression) : undefined);
        if (called && node.name.text === "load" && parent.arguments[0]) {
          const receiver = checker.getTypeAtLocation(node.expression);
          for (const { path: loadPath, at } of loadPaths(parent.arguments[0])) {
            let type: ts.Type | undefined = receiver;
            for (const segment of loadPath.split("/")) {
              const symbol: ts.Symbol | undefined = type && propertyOfType(checker, type, segment);
              const decl = officeDeclarations(symbol)[0];
              if (!symbol || !decl) break;
              record(at, decl, "load");
              type = checker.getTypeOfSymbolAtLocation(symbol, at);
            }
          }
        }
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      // Properties set through an object, e.g. range.set({ format: { … } }).
      const contextual = checker.getContextualType(node);
      if (contextual) {
        for (const property of node.properties) {
          if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
          const decl = officeDeclarations(propertyOfType(checker, contextual, property.name.getText()))[0];
          if (decl) record(property.name, decl, "write");
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return usages;
}

// ---------------------------------------------------------------------------------------------
// Programs

/** The project's compiler options, with the Office type definitions. */
export function compilerOptions(rootDir = ROOT): ts.CompilerOptions {
  const configPath = path.join(rootDir, "tsconfig.json");
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, rootDir);
  return { ...parsed.options, noEmit: true, typeRoots: [path.join(ROOT, "node_modules", "@types")] };
}

/** Every .ts and .tsx file under a folder. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out.sort();
}

export interface AuditOptions {
  files: string[];
  minimums: Record<string, string>;
  /** Files that exist only in memory (tests): path → text. */
  virtualFiles?: Record<string, string>;
  rootDir?: string;
}

/** Audits the files: every Office.js use, and those that need a guard and lack one. */
export function auditRequirementSets(options: AuditOptions): AuditResult {
  const rootDir = options.rootDir ?? ROOT;
  const compiler = compilerOptions();
  const host = ts.createCompilerHost(compiler);
  const virtual = new Map(Object.entries(options.virtualFiles ?? {}).map(([f, t]) => [path.resolve(f), t]));
  if (virtual.size) {
    const { getSourceFile, fileExists, readFile } = host;
    host.fileExists = (f) => virtual.has(path.resolve(f)) || fileExists(f);
    host.readFile = (f) => virtual.get(path.resolve(f)) ?? readFile(f);
    host.getSourceFile = (f, language, onError, create) => {
      const text = virtual.get(path.resolve(f));
      return text !== undefined
        ? ts.createSourceFile(f, text, language, true)
        : getSourceFile(f, language, onError, create);
    };
  }
  const program = ts.createProgram(options.files, compiler, host);
  const checker = program.getTypeChecker();
  const wanted = new Set(options.files.map((f) => path.resolve(f)));
  const usages = program
    .getSourceFiles()
    .filter((sf) => wanted.has(path.resolve(sf.fileName)))
    .flatMap((sf) => auditSourceFile(checker, sf, rootDir));

  return { usages, violations: findViolations(usages, options.minimums), minimums: options.minimums };
}

/** The uses that need more than the minimums and are not guarded for what they need. */
export function findViolations(usages: Usage[], minimums: Record<string, string>): Usage[] {
  return usages.filter((u) => {
    if (!u.requirement) return false;
    const minimum = minimums[u.requirement.set];
    if (minimum && compareVersions(u.requirement.version, minimum) <= 0) return false;
    return !u.guard || compareVersions(u.guard.version, u.requirement.version) < 0;
  });
}

/** The audit of src/ against manifest.xml. */
export function auditSrc(rootDir = ROOT): AuditResult {
  const minimums = manifestMinimums(fs.readFileSync(path.join(rootDir, "manifest.xml"), "utf8"));
  return auditRequirementSets({ files: sourceFiles(path.join(rootDir, "src")), minimums, rootDir });
}

export function describeUsage(u: Usage): string {
  const need = u.requirement ? `${u.requirement.set} ${u.requirement.version}` : "no set";
  const guard = u.guard ? `, guarded for ${u.guard.set} ${u.guard.version}` : "";
  const note = u.tag && parseApiSetTag(u.tag).length > 1 ? `  [${u.tag}]` : "";
  return `${u.file}:${u.line}:${u.column}  ${u.member} (${u.access}) needs ${need}${guard}${note}`;
}

// Run directly, or through scripts/run-ts.js (which puts this file in argv[1]).
if (require.main === module || path.resolve(process.argv[1] ?? "") === __filename) {
  const result = auditSrc();
  const all = process.argv.includes("--all");
  const minimums = Object.entries(result.minimums).map(([s, v]) => `${s} ${v}`);
  console.log(`Manifest minimums: ${minimums.join(", ")}`);
  for (const u of all ? result.usages : result.violations) console.log(describeUsage(u));
  console.log(`\n${result.usages.length} uses of Office.js members; ${result.violations.length} need a guard.`);
  process.exitCode = result.violations.length ? 1 : 0;
}
