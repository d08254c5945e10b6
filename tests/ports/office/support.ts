/** Shared pieces of the Office port tests: a port as Excel on the web would have it, plans, views. */
import type { CellValue } from "../../../src/engine/grid";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import { STATE_SHEET } from "../../../src/engine/report/spec";
import type { MalkollState } from "../../../src/engine/state";
import { decodeState } from "../../../src/engine/state";
import type { OfficePortOptions } from "../../../src/ports/office/officePort";
import { OfficePort } from "../../../src/ports/office/officePort";
import type { WritePlan } from "../../../src/ports/port";
import type { FakeSheetInit, FakeWorkbook } from "../../helpers/fakeExcel";

export const NOW = new Date("2021-09-15T08:00:00Z");
export const WEB_HOST = { host: "Excel", platform: "OfficeOnline", version: "16.0.18227.20162" };

/** A port on a host with every API set (so the guarded paths run), a fixed clock and host. */
export function webPort(context: Excel.RequestContext, options: OfficePortOptions = {}): OfficePort {
  return new OfficePort(context, {
    isSetSupported: () => true,
    hostInfo: WEB_HOST,
    now: () => NOW,
    ...options,
  });
}

export const userSheet: FakeSheetInit = {
  name: "Uppföljning",
  origin: "B3",
  values: [
    ["Indikator", "Utfall", "Årsmål", "Summa"],
    ["Andel elever", 0.041, 0.05, 0.091],
    ["Antal platser", 140, null, 140],
  ],
  formats: [
    [null, null, null, null],
    [null, "0.0 %", "0.0 %", "0.0 %"],
    [null, "#,##0", null, "#,##0"],
  ],
  formulas: [
    [null, null, null, null],
    [null, null, null, "=C4+D4"],
    [null, null, null, "=C5"],
  ],
  tables: [{ name: "Indikatorer", address: "B3:E5" }],
};

export function emptyPlan(overrides: Partial<WritePlan> = {}): WritePlan {
  return { renames: [], sheets: [], flags: [], clearFlags: [], state: [], findings: [], ...overrides };
}

export function indicatorSpec(rows: number, analysis = ""): SheetSpec {
  const header: OutCell[] = ["Indikator", "Utfall", "Årsmål", "KF:s årsmål", "Status", "Analys"].map(
    (value) => ({
      value,
      style: "header",
    }),
  );
  const body: (OutCell | null)[][] = [];
  for (let i = 0; i < rows; i++) {
    body.push([
      { value: `Indikator ${i + 1}` },
      { value: 0.041 + i / 1e6, format: "0.0 %" },
      { value: 0.05, format: "0.0 %" },
      { value: 0.05, format: "0.0 %" },
      { value: i % 2 ? "Uppfyllt ✓" : "Ej uppfyllt ✗", tone: i % 2 ? "good" : "bad" },
      analysis ? { value: `${analysis} ${i}`, wrap: true } : null,
    ]);
  }
  return {
    key: "indikatorer",
    rows: [[{ value: "Målkoll – indikatorer", style: "title" }], [], header, ...body],
    columnWidths: [40, 10, 10, 10, 16, 60],
    freezeRows: 3,
  };
}

/** The state `_malkoll` holds now (empty when there is none). */
export function stateOf(workbook: FakeWorkbook): MalkollState {
  const sheet = workbook.find(STATE_SHEET);
  return decodeState(
    sheet
      ? {
          name: STATE_SHEET,
          visibility: "veryHidden",
          originRow: 1,
          originCol: 1,
          values: sheet.valuesFromA1(),
        }
      : undefined,
  );
}

/** `_malkoll` rows without trailing blanks and without the revision row. */
export function stateRowsOf(workbook: FakeWorkbook): CellValue[][] {
  const rows = workbook.find(STATE_SHEET)?.valuesFromA1() ?? [];
  return rows
    .filter((row) => row[0] !== "revision" && row.some((v) => v !== null))
    .map((row) => {
      const out = [...row];
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
      return out;
    });
}
