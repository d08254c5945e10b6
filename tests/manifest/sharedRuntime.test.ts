/**
 * The ribbon command works on every platform only if it uses no API that needs a shared runtime
 * the manifest does not declare: `isSetSupported("SharedRuntime", "1.1")` says what the host can
 * do, not what this add-in's manifest set up, so such a call fails (or hangs) at run time.
 */
import fs from "fs";
import path from "path";
import ts from "typescript";

const root = path.resolve(__dirname, "..", "..");

/** APIs documented as needing the shared runtime (Office.addin, ribbon updates, keyboard shortcuts, OfficeRuntime.storage). */
const SHARED_RUNTIME_APIS = [
  /^Office\.addin(\.|$)/,
  /^Office\.ribbon\.requestUpdate$/,
  /^Office\.ribbon\.requestCreateControls$/,
  /^Office\.actions\.(replaceShortcuts|getShortcuts|areShortcutsInUse)$/,
  /^OfficeRuntime\.storage(\.|$)/,
];

/** Property chains such as `Office.addin.showAsTaskpane` in a source text. */
function sharedRuntimeUses(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const chain = (node: ts.Expression): string | null => {
    if (ts.isIdentifier(node)) return node.text;
    if (ts.isPropertyAccessExpression(node)) {
      const head = chain(node.expression);
      return head === null ? null : `${head}.${node.name.text}`;
    }
    return null;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && !ts.isPropertyAccessExpression(node.parent)) {
      const name = chain(node);
      if (name && SHARED_RUNTIME_APIS.some((re) => re.test(name))) found.push(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether a manifest sets up the shared runtime: a long-lived <Runtime> and the SharedRuntime set. */
function declaresSharedRuntime(xml: string): boolean {
  return /<Runtime\b[^>]*lifetime="long"/.test(xml) && /<Set\s+Name="SharedRuntime"/.test(xml);
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

it("the commands and the pane use no shared-runtime API unless manifest.xml declares the shared runtime", () => {
  const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  const used = [
    ...files(path.join(root, "src", "commands")),
    ...files(path.join(root, "src", "taskpane")),
  ].flatMap((file) =>
    sharedRuntimeUses(file, fs.readFileSync(file, "utf8")).map(
      (api) => `${path.relative(root, file)}: ${api}`,
    ),
  );
  if (!declaresSharedRuntime(manifest)) expect(used).toEqual([]);
  // The manifest declares none today: the ribbon command must not depend on it.
  expect(declaresSharedRuntime(manifest)).toBe(false);
});

it("the check would catch the call the ribbon command used to make, and a manifest that declares the runtime", () => {
  const old = `async function openPane() {
    if (Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) await Office.addin.showAsTaskpane();
  }
  Office.actions.associate("runCheck", runCheck);`;
  expect(sharedRuntimeUses("old.ts", old)).toEqual(["Office.addin.showAsTaskpane"]);
  expect(
    declaresSharedRuntime(`<Requirements><Sets><Set Name="SharedRuntime" MinVersion="1.1"/></Sets></Requirements>
      <Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>`),
  ).toBe(true);
});
