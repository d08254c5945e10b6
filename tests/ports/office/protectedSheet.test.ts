/**
 * A protected sheet in Excel: a unit manager's template often protects the sheet and leaves only
 * the input cells unlocked. Excel then refuses to add or delete conditional formats there, so
 * Målkoll's flags cannot go on it. The read sees the protection, the plan leaves that sheet's flags
 * out with one finding saying why, and the write neither adds nor deletes rules on a sheet that is
 * protected when it runs (old rules stay until the sheet is unprotected). The workbook is the
 * foreign corpus's Excel-shaped file, whose `Uppföljning` is protected in the file.
 */
import * as path from "path";
import { runClearFlags, runGenerate } from "../../../src/app/run";
import { a1 } from "../../../src/engine/grid";
import { XlsxPort } from "../../../src/ports/xlsx";
import { createFakeExcel } from "../../helpers/fakeExcel";
import type { FakeWorkbook } from "../../helpers/fakeExcel";
import { isMalkollRule } from "../../../src/ports/office/flags";
import { NOW, stateOf, webPort } from "./support";

const BOOK = path.join(__dirname, "..", "..", "fixtures", "foreign", "excel-shaped.xlsx");
const SHEET = "Uppföljning";

/** The workbook open in Excel, its sheet protected as the file says (or as `protect` overrides). */
async function openInExcel(protect?: boolean) {
  const snapshot = await (await XlsxPort.open(BOOK)).read();
  expect(snapshot.sheets.find((s) => s.name === SHEET)?.protected).toBe(true);
  return createFakeExcel({
    name: snapshot.name,
    sheets: snapshot.sheets.map((s) => ({
      name: s.name,
      origin: a1(s.originRow, s.originCol),
      values: s.values,
      formats: s.formats,
      protected: protect ?? s.protected,
    })),
  });
}

function malkollRules(workbook: FakeWorkbook, sheet: string): number {
  return workbook.sheet(sheet).rules.filter((rule) => isMalkollRule(rule.formula)).length;
}

test("the fake refuses conditional formats on a protected sheet, as Excel does", async () => {
  const { context, workbook } = await openInExcel();
  context.workbook.worksheets.getItem(SHEET).getRange("A1").conditionalFormats.add("Custom");
  await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  expect(workbook.sheet(SHEET).rules).toHaveLength(0);
});

test("generate on a protected sheet writes the tables, flags nothing there and says why", async () => {
  const { context, workbook } = await openInExcel();
  const { result, plan } = await runGenerate(webPort(context), { now: NOW, host: "excel" });
  expect(plan.sheets.length).toBeGreaterThan(0);
  expect(workbook.find("Målkoll Indikatorer")).toBeDefined();
  expect(malkollRules(workbook, SHEET)).toBe(0);
  const notice = result.findings.find((f) => f.code === "protected-sheet-unflagged");
  expect(notice).toMatchObject({ severity: "info", sheet: SHEET, cell: "A1" });
  // The check's findings on that sheet stand: seven cells would have been flagged (six in the seed
  // table, and the note row under it that is not read, at A24).
  expect(notice?.message).toMatch(
    /^Bladet ”Uppföljning” är skyddat, så Målkoll markerar inte dess 7 celler med fynd/,
  );
  expect(
    result.findings.filter((f) => f.sheet === SHEET && f.code !== "protected-sheet-unflagged"),
  ).not.toEqual([]);
  expect(stateOf(workbook).flags).toEqual([]);
});

test("the same sheet unprotected gets its flags", async () => {
  const { context, workbook } = await openInExcel(false);
  const { result } = await runGenerate(webPort(context), { now: NOW, host: "excel" });
  expect(malkollRules(workbook, SHEET)).toBeGreaterThan(0);
  expect(result.findings.map((f) => f.code)).not.toContain("protected-sheet-unflagged");
});

test("a sheet protected after a run keeps Målkoll's old rules and their records; Rensa flaggor says so", async () => {
  const { context, workbook } = await openInExcel(false);
  await runGenerate(webPort(context), { now: NOW, host: "excel" });
  const before = malkollRules(workbook, SHEET);
  expect(before).toBeGreaterThan(0);
  const recorded = stateOf(workbook).flags;
  expect(recorded.map((r) => r.sheet)).toEqual([SHEET]);

  workbook.sheet(SHEET).protected = true;
  const { result } = await runGenerate(webPort(context), { now: NOW, host: "excel" });
  expect(result.findings.find((f) => f.code === "protected-sheet-unflagged")?.message).toMatch(
    /markerar inte dess 7 celler med fynd .* 7 markeringar från en tidigare körning står kvar tills skyddet tas bort\./,
  );
  expect(malkollRules(workbook, SHEET)).toBe(before);
  expect(stateOf(workbook).flags).toEqual(recorded);

  expect(await runClearFlags(webPort(context))).toEqual({ removed: 0, kept: [{ sheet: SHEET, cells: 7 }] });
  expect(malkollRules(workbook, SHEET)).toBe(before);
  expect(stateOf(workbook).flags).toEqual(recorded);

  workbook.sheet(SHEET).protected = false;
  expect(await runClearFlags(webPort(context))).toEqual({ removed: 7, kept: [] });
  expect(malkollRules(workbook, SHEET)).toBe(0);
  expect(stateOf(workbook).flags).toEqual([]);
});

test("a sheet protected between the read and the write stops the run before anything changes", async () => {
  const probe = await openInExcel(false);
  await webPort(probe.context).read();
  const readSyncs = probe.fake.syncCount;
  const { context, workbook, fake } = await openInExcel(false);
  // Protected by a colleague after Målkoll read the workbook: the write's first request sees it.
  fake.between(readSyncs, () => {
    workbook.sheet(SHEET).protected = true;
  });
  await expect(runGenerate(webPort(context), { now: NOW, host: "excel" })).rejects.toMatchObject({
    kind: "concurrent",
    message: expect.stringMatching(
      /^Bladet ”Uppföljning” har skyddats sedan Målkoll läste arbetsboken\. Inget ändrades\./,
    ),
  });
  expect(workbook.sheets.map((s) => s.name)).toEqual([SHEET]);
  expect(malkollRules(workbook, SHEET)).toBe(0);

  // Read again, the run plans the sheet as protected and goes through.
  const { result } = await runGenerate(webPort(context), { now: NOW, host: "excel" });
  expect(result.findings.map((f) => f.code)).toContain("protected-sheet-unflagged");
  expect(workbook.find("Målkoll Indikatorer")).toBeDefined();
});

test("Målkoll's own sheet, protected: swapped as usual, or refused up front when it is rewritten in place", async () => {
  const { context, workbook } = await openInExcel(false);
  await runGenerate(webPort(context), { now: NOW, host: "excel" });
  workbook.sheet("Målkoll Aktiviteter").protected = true;
  workbook.sheet("Målkoll Indikatorer").protected = true;
  // The user's formula points at Målkoll Indikatorer: it is rewritten in place, not swapped.
  const own = workbook.sheet(SHEET).ensure(40, 0);
  own.formula = "='Målkoll Indikatorer'!B5";
  own.value = 0;
  const names = workbook.sheets.map((s) => s.name);
  const indicators = JSON.stringify(workbook.sheet("Målkoll Indikatorer").valuesFromA1());
  await expect(runGenerate(webPort(context), { now: NOW, host: "excel" })).rejects.toMatchObject({
    kind: "access-denied",
    message: expect.stringMatching(
      /^Målkolls blad ”Målkoll Indikatorer” är skyddat, och det skrivs om på plats/,
    ),
  });
  expect(workbook.sheets.map((s) => s.name)).toEqual(names);
  expect(JSON.stringify(workbook.sheet("Målkoll Indikatorer").valuesFromA1())).toBe(indicators);

  workbook.sheet("Målkoll Indikatorer").protected = false;
  const before = workbook.sheet("Målkoll Aktiviteter");
  await runGenerate(webPort(context), { now: NOW, host: "excel" });
  expect(before.deleted).toBe(true);
  expect(workbook.sheet("Målkoll Aktiviteter").protected).toBe(false);
});
