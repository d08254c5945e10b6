import { readFileSync } from "fs";
import * as path from "path";
import { check } from "../../src/engine";
import type { WorkbookSnapshot } from "../../src/engine/grid";
import { a1 } from "../../src/engine/grid";
import { planWrite } from "../../src/engine/plan";
import { buildReport } from "../../src/engine/report";
import type { WritePlan } from "../../src/ports/port";
import { MemoryPort } from "../../src/ports/memory/memoryPort";
import { OfficePort } from "../../src/ports/office/officePort";
import { XlsxPort } from "../../src/ports/xlsx";
import { createFakeExcel } from "../helpers/fakeExcel";
import type { Rendered, RenderedCell } from "./rendered";
import { renderedFromMemory, renderedFromOffice, renderedFromXlsx } from "./rendered";

/**
 * One write plan (the bundled sample's report) through every workbook port, each result read back
 * in one shape and compared: the same cells, looks, widths, heights, page breaks, print titles,
 * chart colours and flags. The look is described once (src/engine/report/look.ts); a port that
 * decided something of its own would show here.
 *
 * PORTS is a table so more ports join the comparison: the Office port runs over the recording
 * fake context (tests/helpers/fakeExcel.ts), seeded with the sample's sheets, and what it recorded
 * is read back as a `Rendered`. The fake does not calculate, so formula cells are compared by
 * their formula there, not by the value Excel would compute.
 */

const sample = path.join(__dirname, "..", "..", "samples", "malkoll-exempel.xlsx");

/** Flag looks as the report states them: fill and the border that says how serious. */
const FLAG_LOOKS: Record<string, { fill: string; border: string }> = {
  error: { fill: "FFC7CE", border: "thin" },
  warning: { fill: "FFEB9C", border: "dashed" },
  info: { fill: "DDEBF7", border: "dotted" },
};

function severityOf(dxf: string): string {
  for (const [severity, look] of Object.entries(FLAG_LOOKS))
    if (dxf.includes(`<bgColor rgb="FF${look.fill}"/>`) && dxf.includes(`style="${look.border}"`))
      return severity;
  return `? ${dxf}`;
}

/** The same flag looks as Excel's conditional format holds them: fill, the box's line on each side. */
const EXCEL_LINES: Record<string, string> = { thin: "Continuous", dashed: "Dash", dotted: "Dot" };

function severityOfRule(format: Record<string, unknown>): string {
  for (const [severity, look] of Object.entries(FLAG_LOOKS))
    if (
      format["fill.color"] === `#${look.fill}` &&
      ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].every(
        (edge) => format[`borders.${edge}.style`] === EXCEL_LINES[look.border],
      )
    )
      return severity;
  return `? ${JSON.stringify(format)}`;
}

interface PortUnderTest {
  name: string;
  /** Whether formula cells hold their computed values (the recording fake computes none). */
  calculates: boolean;
  render(bytes: Uint8Array, snapshot: WorkbookSnapshot, plan: WritePlan, sheets: string[]): Promise<Rendered>;
}

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** A fake Excel holding the snapshot's sheets, as the user's workbook would be open in Excel. */
function fakeExcelOf(snapshot: WorkbookSnapshot) {
  return createFakeExcel({
    name: snapshot.name,
    sheets: snapshot.sheets.map((s) => ({
      name: s.name,
      visibility: VISIBILITY[s.visibility],
      origin: a1(s.originRow, s.originCol),
      values: s.values,
      formats: s.formats,
      formulas: s.formulas?.map((row) => row.map((f) => (f ? `=${f}` : null))),
    })),
  });
}

const PORTS: PortUnderTest[] = [
  {
    name: "memory",
    calculates: true,
    async render(_bytes, snapshot, plan, sheets) {
      const port = new MemoryPort(snapshot);
      await port.write(plan);
      return renderedFromMemory(port, sheets);
    },
  },
  {
    name: "xlsx",
    calculates: true,
    async render(bytes, _snapshot, plan, sheets) {
      const port = await XlsxPort.fromBuffer(bytes, "malkoll-exempel.xlsx");
      await port.write(plan);
      return renderedFromXlsx(port.buffer, sheets, severityOf);
    },
  },
  {
    name: "office",
    calculates: false,
    async render(_bytes, snapshot, plan, sheets) {
      const { context, workbook } = fakeExcelOf(snapshot);
      const port = new OfficePort(context, {
        isSetSupported: () => true,
        hostInfo: { host: "Excel", platform: "OfficeOnline", version: "16.0" },
        now: () => new Date("2021-09-15T10:00:00Z"),
      });
      await port.read();
      await port.write(plan);
      return renderedFromOffice(workbook, sheets, severityOfRule);
    },
  },
];

let plan: WritePlan;
let sheets: string[];
const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  const bytes = readFileSync(sample);
  const snapshot = await (await XlsxPort.fromBuffer(bytes, "malkoll-exempel.xlsx")).read();
  const result = check(snapshot);
  const now = new Date("2021-09-15T10:00:00Z");
  const output = buildReport(result, { snapshot, generatedAt: now });
  plan = await planWrite(snapshot, result, output, { now, host: "cli" });
  sheets = plan.sheets.map((s) => s.name);
  for (const port of PORTS) rendered.set(port.name, await port.render(bytes, snapshot, plan, sheets));
}, 120000);

function cell(port: string, sheet: string, address: string): RenderedCell {
  const found = rendered.get(port)!.sheets[sheet].cells[address];
  if (!found) throw new Error(`${port}: no cell ${sheet}!${address}`);
  return found;
}

const calculatesIn = (port: string): boolean => PORTS.find((p) => p.name === port)!.calculates;

/** The address of the first cell on a sheet whose value is `value`. */
function find(sheet: string, value: string): string {
  const cells = rendered.get("memory")!.sheets[sheet].cells;
  const address = Object.keys(cells).find((a) => cells[a].value === value);
  if (!address) throw new Error(`no ${value} on ${sheet}`);
  return address;
}

describe.each(PORTS.slice(1))(
  "the $name port renders the plan as the memory port does",
  ({ name, calculates }) => {
    test.each(["indikatorer", "maluppfyllelse", "driftbudget", "avvikelser", "aktiviteter"])("%s", (key) => {
      const sheet = plan.sheets.find((s) => s.spec.key === key)!.name;
      const reference = rendered.get("memory")!.sheets[sheet];
      const other = rendered.get(name)!.sheets[sheet];
      expect(Object.keys(other.cells).sort()).toEqual(Object.keys(reference.cells).sort());
      for (const address of Object.keys(reference.cells)) {
        const expected = reference.cells[address];
        const comparable = !calculates && expected.formula !== null ? { ...expected, value: null } : expected;
        expect([address, other.cells[address]]).toEqual([address, comparable]);
      }
      const { cells: _a, ...layout } = other;
      const { cells: _b, ...expected } = reference;
      expect(layout).toEqual(expected);
    });

    test("flags", () => {
      expect(rendered.get(name)!.flags).toEqual(rendered.get("memory")!.flags);
    });
  },
);

describe.each(PORTS.map((p) => p.name))("the %s port applies the one look", (name) => {
  const sheetNamed = (key: string) => plan.sheets.find((s) => s.spec.key === key)!.name;

  test("header rows: Calibri 9 bold on #D9E1F2, a rule below; Målkoll's own columns on #EDEDED", () => {
    const sheet = sheetNamed("indikatorer");
    const header = cell(name, sheet, find(sheet, "Indikator")).look;
    expect(header).toMatchObject({
      font: { name: "Calibri", size: 9, bold: true, colour: "000000" },
      fill: "D9E1F2",
      borderBottom: { style: "thin", colour: "808080" },
      vertical: "bottom",
    });
    expect(cell(name, sheet, find(sheet, "Status")).look.fill).toBe("EDEDED");
  });

  test("status cells: a word, a symbol and the status colours", () => {
    const sheet = sheetNamed("indikatorer");
    const row = Number(find(sheet, "Antal aspiranter som fått Stockholmsjobb").slice(1));
    expect(cell(name, sheet, `K${row}`)).toMatchObject({
      value: "● Uppfyllt (prognos)",
      look: { fill: "C6EFCE", font: { colour: "006100" } },
    });
    expect(cell(name, sheet, `L${row}`)).toMatchObject({
      value: "≠ Ej jämförbart",
      look: { fill: "EDEDED" },
    });
  });

  test("numbers right-aligned in the report's formats; totals bold with a rule above; varav italic", () => {
    const sheet = sheetNamed("driftbudget");
    const total = Number(find(sheet, "Totalt").slice(1));
    const sum = cell(name, sheet, `B${total}`);
    // Without calculation (the recording fake) the cell holds what Excel reads 2 435,3 from: the
    // sample's own total.
    expect(calculatesIn(name) ? sum.value : sum.formula).toEqual(
      calculatesIn(name) ? 2435.3 : "'Driftbudget'!B33",
    );
    expect(sum).toMatchObject({
      look: {
        numberFormat: "#,##0.0",
        horizontal: "right",
        font: { bold: true },
        borderTop: { style: "thin" },
      },
    });
    const varav = find(sheet, "varav socialpsykiatri");
    expect(cell(name, sheet, varav).look).toMatchObject({
      font: { italic: true },
      indent: 1,
      horizontal: "left",
    });
  });

  test("charts in the status colours; the budget chart in one colour", () => {
    const goals = rendered.get(name)!.sheets[sheetNamed("maluppfyllelse")].charts;
    expect(goals.length).toBeGreaterThan(1);
    for (const chart of goals)
      expect(chart.series.map((s) => [s.name, s.colour])).toEqual([
        ["Uppfyllda", "5AA36A"],
        ["Delvis uppfyllda", "E8B92E"],
        ["Ej uppfyllda", "D0454C"],
        ["Ej mätta", "A6A6A6"],
      ]);
    const budget = rendered.get(name)!.sheets[sheetNamed("driftbudget")].charts;
    expect(budget.map((c) => c.series.map((s) => s.colour))).toEqual([["4472C4"]]);
  });

  test("every flag's reason is one row of Avvikelser away, with a link to the flagged row", () => {
    const flags = rendered.get(name)!.flags;
    expect(flags.length).toBeGreaterThan(10);
    const deviations = rendered.get(name)!.sheets[sheetNamed("avvikelser")].cells;
    // A row's findings share one Avvikelser row, linked to its first cell (A18 for F18 too).
    const rowOf = (ref: string) => ref.replace(/![A-Z]+/, "!");
    const linked = new Set(Object.values(deviations).flatMap((c) => (c.link ? [rowOf(c.link)] : [])));
    for (const flag of flags) expect([flag, linked.has(rowOf(flag.split(" ")[0]))]).toEqual([flag, true]);
  });
});

test("the xlsx flags are not colour alone: a border whose line says how serious, and the text colour", async () => {
  const port = await XlsxPort.fromBuffer(readFileSync(sample), "malkoll-exempel.xlsx");
  await port.write(plan);
  const JSZip = (await import("jszip")).default;
  const styles = await (await JSZip.loadAsync(port.buffer)).file("xl/styles.xml")!.async("string");
  const dxfs = [...styles.matchAll(/<dxf>[\s\S]*?<\/dxf>/g)].map((m) => m[0]);
  const warning = dxfs.find((d) => d.includes('<bgColor rgb="FFFFEB9C"/>'))!;
  expect(warning).toContain('<left style="dashed"><color rgb="FF7F6000"/></left>');
  expect(warning).toContain('<font><color rgb="FF7F6000"/></font>');
});
