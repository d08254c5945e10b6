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
  // The check's findings on that sheet stand: nine cells would have been flagged.
  expect(notice?.message).toMatch(
    /^Bladet ”Uppföljning” är skyddat, så Målkoll markerar inte dess 9 celler med fynd/,
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

test("a sheet protected after a run keeps Målkoll's old rules, and the next run and Rensa flaggor still go through", async () => {
  const { context, workbook } = await openInExcel(false);
  await runGenerate(webPort(context), { now: NOW, host: "excel" });
  const before = malkollRules(workbook, SHEET);
  expect(before).toBeGreaterThan(0);

  workbook.sheet(SHEET).protected = true;
  const { result } = await runGenerate(webPort(context), { now: NOW, host: "excel" });
  expect(result.findings.map((f) => f.code)).toContain("protected-sheet-unflagged");
  expect(malkollRules(workbook, SHEET)).toBe(before);

  await runClearFlags(webPort(context));
  expect(malkollRules(workbook, SHEET)).toBe(before);

  workbook.sheet(SHEET).protected = false;
  await runClearFlags(webPort(context));
  expect(malkollRules(workbook, SHEET)).toBe(0);
});

test("a sheet protected between the read and the write is left alone, not a failed run", async () => {
  const probe = await openInExcel(false);
  await webPort(probe.context).read();
  const readSyncs = probe.fake.syncCount;
  const { context, workbook, fake } = await openInExcel(false);
  // Protected by a colleague after Målkoll read the workbook: the write's first request sees it.
  fake.between(readSyncs, () => {
    workbook.sheet(SHEET).protected = true;
  });
  await runGenerate(webPort(context), { now: NOW, host: "excel" });
  expect(malkollRules(workbook, SHEET)).toBe(0);
  expect(workbook.find("Målkoll Indikatorer")).toBeDefined();
});
