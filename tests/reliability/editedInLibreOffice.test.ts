/**
 * A generated workbook edited in LibreOffice as a controller edits it between two runs, then
 * generated again. A row inserted or deleted in the user's own Driftbudget sheet makes LibreOffice
 * move (or turn into `#REF!`) the formulas of Målkoll Driftbudget that point at it: that is no
 * hand edit of Målkoll's table, which is made again in place; nor is a column inserted there. A
 * number typed over one of its formulas is one, and so is a formula pointed at another cell: the
 * sheet is kept under another name and a fresh one made.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxPort } from "../../src/ports/xlsx";
import { editWithLibreOffice, type SheetEdit } from "../helpers/libreofficeEdit";
import { repoRoot } from "../helpers/seedGrid";
import { describeIfBinary } from "../helpers/requireBinary";
import { cli } from "./cli";

const SAMPLE = path.join(repoRoot(), "samples", "malkoll-exempel.xlsx");
const OWNED = "Målkoll Driftbudget";

/** Målkoll Driftbudget's formulas, by A1 address. */
async function formulasOf(file: string): Promise<Map<string, string>> {
  const sheet = (await (await XlsxPort.open(file)).read()).sheets.find((s) => s.name === OWNED)!;
  const out = new Map<string, string>();
  sheet.formulas?.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f) out.set(`${String.fromCharCode(64 + sheet.originCol + c)}${sheet.originRow + r}`, f);
    }),
  );
  return out;
}

describeIfBinary("soffice", "a workbook edited in LibreOffice between two runs", (soffice) => {
  describeIfBinary("pyuno", "through LibreOffice's Python bridge", (python) => {
    let dir: string;
    let generated: string;
    let formulas: Map<string, string>;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-lo-edited-"));
      generated = path.join(dir, "forsta.xlsx");
      expect((await cli(["generate", SAMPLE, "-o", generated])).code).toBe(0);
      formulas = await formulasOf(generated);
    }, 120_000);

    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** The generated workbook edited in LibreOffice, generated again: its output and findings. */
    async function editedThenGenerated(name: string, edits: SheetEdit[]) {
      const edited = path.join(dir, `${name}.xlsx`);
      editWithLibreOffice(soffice.path!, python.path!, generated, edited, edits);
      const output = path.join(dir, `${name}-ut.xlsx`);
      const run = await cli(["generate", edited, "-o", output]);
      expect(run.code).toBe(0);
      const sheets = (await (await XlsxPort.open(output)).read()).sheets.map((s) => s.name);
      return { edited, output, run, sheets };
    }

    test("a row inserted above the source table: the formulas moved, the table is made again in place", async () => {
      const first = [...formulas.values()].find((f) => /Driftbudget'?!\$?[A-Z]+\$?\d+/.test(f))!;
      expect(first).toMatch(/^'Driftbudget'!/);
      const { edited, run, sheets, output } = await editedThenGenerated("rad-infogad", [
        { op: "insertRow", sheet: "Driftbudget", row: 1 },
      ]);
      // LibreOffice moved them: every reference is one row further down.
      const moved = await formulasOf(edited);
      expect(moved.get([...formulas].find(([, f]) => f === first)![0])).not.toBe(first);
      expect(run.out).not.toMatch(/har ändrats för hand/);
      expect(sheets.filter((s) => s.includes("(red "))).toEqual([]);
      expect(sheets.filter((s) => s === OWNED)).toHaveLength(1);
      // Made again over the source as it stands now.
      expect([...(await formulasOf(output)).values()]).toContain(
        first.replace(/(\d+)$/, (row) => String(Number(row) + 1)),
      );
    }, 180_000);

    test("a row the table points at deleted: #REF! in its formulas, the table made again without them", async () => {
      const row = Number(/'Driftbudget'!\$?[A-Z]+\$?(\d+)/.exec([...formulas.values()].join(" "))![1]);
      const { edited, run, sheets, output } = await editedThenGenerated("rad-borttagen", [
        { op: "deleteRow", sheet: "Driftbudget", row },
      ]);
      expect([...(await formulasOf(edited)).values()].some((f) => f.includes("#REF!"))).toBe(true);
      expect(run.out).not.toMatch(/har ändrats för hand/);
      expect(sheets.filter((s) => s.includes("(red "))).toEqual([]);
      expect([...(await formulasOf(output)).values()].some((f) => f.includes("#REF!"))).toBe(false);
    }, 180_000);

    test("a column inserted in the source: the formulas moved sideways, no hand edit either", async () => {
      const { run, sheets } = await editedThenGenerated("kolumn-infogad", [
        { op: "insertColumn", sheet: "Driftbudget", col: 2 },
      ]);
      expect(run.out).not.toMatch(/har ändrats för hand/);
      expect(sheets.filter((s) => s.includes("(red "))).toEqual([]);
    }, 180_000);

    test("a formula pointed at another source cell by hand is a hand edit: kept under another name", async () => {
      const [cell, formula] = [...formulas].find(([, f]) => /^'Driftbudget'!B\d+$/.test(f))!;
      const next = Number(/\d+$/.exec(formula)![0]) + 1;
      const { edited, run, sheets } = await editedThenGenerated("pekar-om", [
        { op: "setFormula", sheet: OWNED, cell, formula: `=$'Driftbudget'.B${next}` },
      ]);
      expect((await formulasOf(edited)).get(cell)).toBe(`Driftbudget!B${next}`);
      expect(run.out).toMatch(/Bladet ”Målkoll Driftbudget” har ändrats för hand/);
      expect(sheets.some((s) => /^Driftbudget \(red \d{4}-\d{2}-\d{2}\)$/.test(s))).toBe(true);
    }, 180_000);

    test("a number typed over one of the table's formulas is a hand edit: kept under another name", async () => {
      const [cell] = [...formulas].find(([, f]) => f.startsWith("'Driftbudget'!"))!;
      const { run, sheets } = await editedThenGenerated("handredigerad", [
        { op: "setValue", sheet: OWNED, cell, value: 12345 },
      ]);
      expect(run.out).toMatch(/Bladet ”Målkoll Driftbudget” har ändrats för hand/);
      expect(sheets.some((s) => /^Driftbudget \(red \d{4}-\d{2}-\d{2}\)$/.test(s))).toBe(true);
    }, 180_000);
  });
});
