#!/usr/bin/env node
/**
 * `npm run apiset`: every Excel API member the add-in's code uses, checked against the
 * `[Api set: ExcelApi x.y]` tags of @types/office-js. Fails on a member above the manifest's
 * ExcelApi set that is not guarded by `isSetSupported("ExcelApi", "x.y")` for at least its set
 * (an `if`, `?:` or `&&` around it, or an early `return` in the same block).
 *
 * Members the types leave untagged get their set from HAND_TAGS (from Microsoft's documentation);
 * the rest count as ExcelApi 1.1, the base set.
 *
 *   npm run apiset              summary and violations; exit 1 on a violation
 *   npm run apiset -- --list    every member used, by set
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.join(__dirname, "..");

/** Untagged in @types/office-js; sets from learn.microsoft.com (Excel.RunOptions, requirement sets). */
const HAND_TAGS = {
  "Excel.RunOptions.delayForCellEdit": "1.11",
  "Excel.RunOptions.mergeUndoGroup": "1.20",
};

function compare(a, b) {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}

function manifestExcelApi(manifestPath) {
  const xml = fs.readFileSync(manifestPath, "utf8");
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"/.exec(xml);
  if (!m) throw new Error(`${manifestPath}: no <Set Name="ExcelApi" MinVersion="…"/>`);
  return m[1];
}

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

function compilerOptions() {
  const configPath = path.join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

/** The ExcelApi set in a declaration's doc comment, or null. */
function tagOf(declaration) {
  const text = declaration.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, declaration.getFullStart()) || [];
  for (const range of ranges) {
    const m = /\[Api set: ExcelApi (\d+\.\d+)/.exec(text.slice(range.pos, range.end));
    if (m) return m[1];
  }
  return null;
}

function isOfficeJsDeclaration(declaration) {
  return /[\\/]@types[\\/]office-js[\\/]/.test(declaration.getSourceFile().fileName);
}

/** `Excel.Range.values` for a member of Excel's namespace; null for anything else. */
function excelName(checker, symbol) {
  const name = checker.getFullyQualifiedName(symbol);
  return name.startsWith("Excel.") ? name : null;
}

/** The ExcelApi version a guard expression proves, or null: isSetSupported("ExcelApi", "x.y"). */
function guardVersion(expression) {
  let found = null;
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : "";
      const [set, version] = node.arguments;
      if (
        name === "isSetSupported" &&
        set &&
        ts.isStringLiteralLike(set) &&
        set.text === "ExcelApi" &&
        version &&
        ts.isStringLiteralLike(version)
      )
        found = found && compare(found, version.text) > 0 ? found : version.text;
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

function negatedGuard(expression) {
  let e = expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken
    ? guardVersion(e.operand)
    : null;
}

function exits(statement) {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) return statement.statements.some(exits);
  return false;
}

/** The highest ExcelApi version guarding `node` where it stands. */
function guardAt(node) {
  let best = null;
  const take = (v) => {
    if (v && (!best || compare(v, best) > 0)) best = v;
  };
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child) take(guardVersion(parent.expression));
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child) take(guardVersion(parent.condition));
    if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      parent.right === child
    )
      take(guardVersion(parent.left));
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      // `if (!isSetSupported("ExcelApi", "x.y")) return …;` earlier in the same block.
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && exits(statement.thenStatement))
          take(negatedGuard(statement.expression));
      }
    }
  }
  return best;
}

/**
 * Every use of an Excel API member in `files`, with the set it needs and the guard around it.
 * @returns {{ member: string, set: string, tagged: boolean, guard: string|null, file: string, line: number }[]}
 */
function excelUses(files) {
  const program = ts.createProgram(files, compilerOptions());
  const checker = program.getTypeChecker();
  const uses = [];
  const record = (node, symbol, parentType) => {
    const declarations = (symbol && symbol.declarations) || [];
    const declaration = declarations.find(isOfficeJsDeclaration);
    if (!declaration) return;
    const member = excelName(checker, symbol);
    if (!member) return;
    let set = tagOf(declaration) || HAND_TAGS[member] || null;
    const tagged = !!set;
    if (!set && parentType) {
      const owner = parentType.getSymbol();
      const ownerDeclaration = owner && (owner.declarations || []).find(isOfficeJsDeclaration);
      set = (ownerDeclaration && tagOf(ownerDeclaration)) || null;
    }
    const source = node.getSourceFile();
    uses.push({
      member,
      set: set || "1.1",
      tagged,
      guard: guardAt(node),
      file: path.relative(ROOT, source.fileName),
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    });
  };
  for (const source of program.getSourceFiles()) {
    if (!files.includes(path.resolve(source.fileName))) continue;
    const visit = (node) => {
      if (ts.isPropertyAccessExpression(node)) {
        record(node.name, checker.getSymbolAtLocation(node.name), checker.getTypeAtLocation(node.expression));
      } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
        // Options objects such as Excel.run({ delayForCellEdit: true }).
        const literal = node.parent;
        const type = ts.isObjectLiteralExpression(literal) ? checker.getContextualType(literal) : undefined;
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : null;
        if (type && name) {
          for (const part of type.isUnion() ? type.types : [type]) {
            const property = part.getProperty(name);
            if (property) {
              record(node.name, property, part);
              break;
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** The uses above `manifestSet` that no guard of at least their set covers. */
function violations(uses, manifestSet) {
  return uses.filter((u) => compare(u.set, manifestSet) > 0 && !(u.guard && compare(u.guard, u.set) >= 0));
}

/** The source files that can touch Excel's API (a cheap text test keeps the program small). */
function excelSourceFiles(dir) {
  return sourceFiles(dir).filter((file) => /\bExcel\b|RequestContext/.test(fs.readFileSync(file, "utf8")));
}

function checkApiSets({
  files = excelSourceFiles(path.join(ROOT, "src")),
  manifest = path.join(ROOT, "manifest.xml"),
} = {}) {
  const manifestSet = manifestExcelApi(manifest);
  const uses = excelUses(files.map((f) => path.resolve(f)));
  return { manifestSet, uses, violations: violations(uses, manifestSet) };
}

function main() {
  const { manifestSet, uses, violations: bad } = checkApiSets();
  const members = new Map();
  for (const use of uses) {
    const key = use.member;
    const known = members.get(key) || { ...use, count: 0, guarded: true };
    known.count++;
    known.guarded = known.guarded && !!use.guard && compare(use.guard, use.set) >= 0;
    members.set(key, known);
  }
  const bySet = new Map();
  for (const m of members.values()) bySet.set(m.set, [...(bySet.get(m.set) || []), m]);
  console.log(
    `Manifest: ExcelApi ${manifestSet}. ${members.size} Excel API members used (${uses.length} places).`,
  );
  for (const set of [...bySet.keys()].sort(compare)) {
    const list = bySet.get(set);
    const above = compare(set, manifestSet) > 0;
    console.log(`  ExcelApi ${set}: ${list.length}${above ? " (above the manifest: must be guarded)" : ""}`);
    if (above || process.argv.includes("--list"))
      for (const m of list.sort((a, b) => a.member.localeCompare(b.member)))
        console.log(
          `    ${m.member}${m.tagged ? "" : " (untagged)"}${above ? (m.guarded ? " – guarded" : " – NOT GUARDED") : ""}`,
        );
  }
  if (bad.length > 0) {
    console.error(`\n✖ ${bad.length} use(s) above ExcelApi ${manifestSet} without an isSetSupported guard:`);
    for (const v of bad) console.error(`  ${v.file}:${v.line}  ${v.member} needs ExcelApi ${v.set}`);
    process.exitCode = 1;
  } else console.log(`\n✔ every member above ExcelApi ${manifestSet} is guarded.`);
}

module.exports = { checkApiSets, HAND_TAGS };

if (require.main === module) main();
