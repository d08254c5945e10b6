import type { CellValue } from "../../../src/engine/grid";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import { HostError } from "../../../src/ports/office/errors";
import {
  OfficePort,
  PAYLOAD_SYNC_BYTES,
  charactersToPoints,
  flagRuleFormula,
  isMalkollRule,
} from "../../../src/ports/office/officePort";
import type { WritePlan } from "../../../src/ports/port";
import { createFakeExcel, FAKE_MAX_REQUEST_BYTES, type FakeSheetInit } from "../../helpers/fakeExcel";
import { naiveWrite } from "../../helpers/naiveWrite";

const userSheet: FakeSheetInit = {
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

function emptyPlan(overrides: Partial<WritePlan> = {}): WritePlan {
  return { renames: [], sheets: [], flags: [], clearFlags: [], state: [], findings: [], ...overrides };
}

function indicatorSpec(rows: number, analysis = ""): SheetSpec {
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

describe("OfficePort.read", () => {
  it("returns every sheet's used range as a grid with origin, formats, formulas and tables in 3 syncs", async () => {
    const { context, fake } = createFakeExcel({
      name: "Tertial 2.xlsx",
      sheets: [
        userSheet,
        { name: "Min flik", origin: "C2", values: [["a", null, 3]] },
        { name: "Tom", visibility: "Hidden" },
        { name: "_malkoll", visibility: "VeryHidden", values: [["malkoll", 1]] },
      ],
    });
    const snapshot = await new OfficePort(context).read();

    expect(snapshot.name).toBe("Tertial 2.xlsx");
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Uppföljning", "visible"],
      ["Min flik", "visible"],
      ["Tom", "hidden"],
      ["_malkoll", "veryHidden"],
    ]);
    const [follow, mine, empty] = snapshot.sheets;
    expect([follow.originRow, follow.originCol]).toEqual([3, 2]);
    expect(follow.values).toEqual([
      ["Indikator", "Utfall", "Årsmål", "Summa"],
      ["Andel elever", 0.041, 0.05, 0.091],
      ["Antal platser", 140, null, 140],
    ]);
    expect(follow.formats?.[1]).toEqual([null, "0.0 %", "0.0 %", "0.0 %"]);
    expect(follow.formulas?.[1]).toEqual([null, null, null, "C4+D4"]);
    expect(follow.listObjects).toEqual([{ name: "Indikatorer", range: "B3:E5" }]);
    expect([mine.originRow, mine.originCol, mine.values]).toEqual([2, 3, [["a", null, 3]]]);
    expect(mine.formulas).toBeUndefined();
    expect(empty.values).toEqual([]);
    expect(fake.syncCount).toBe(3);
  });

  it("reads large sheets in row chunks and gets the same grid", async () => {
    const values: CellValue[][] = Array.from({ length: 500 }, (_, r) => [`rad ${r}`, r, r * 2]);
    const one = createFakeExcel({ sheets: [{ name: "Blad1", origin: "A2", values }] });
    const many = createFakeExcel({ sheets: [{ name: "Blad1", origin: "A2", values }] });
    const whole = await new OfficePort(one.context).read();
    const chunked = await new OfficePort(many.context, { readCellsPerSync: 300 }).read();
    expect(chunked).toEqual(whole);
    expect(one.fake.syncCount).toBe(3);
    expect(many.fake.syncCount).toBe(2 + Math.ceil(500 / 100));
  });
});

describe("the fake enforces load-before-read", () => {
  it("a naive read without load fails with PropertyNotLoaded", async () => {
    const { context } = createFakeExcel({ sheets: [userSheet] });
    const range = context.workbook.worksheets.getItem("Uppföljning").getUsedRangeOrNullObject();
    await context.sync();
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  it("a load that was not synced yet is not readable either", () => {
    const { context } = createFakeExcel({ sheets: [userSheet] });
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    expect(() => sheets.items).toThrow(/not available/);
  });
});

describe("OfficePort.write", () => {
  const spec: SheetSpec = {
    key: "avvikelser",
    rows: [
      [{ value: "Avvikelser", style: "title" }],
      [
        { value: "Cell", style: "header" },
        { value: "Utfall", style: "header" },
        { value: "Summa", style: "header" },
      ],
      [
        { value: "Uppföljning!C4", link: { sheet: "Uppföljning", cell: "C4" } },
        { value: 0.041, format: "0.0 %", tone: "bad" },
        { value: 0.091, formula: "Uppföljning!C4+Uppföljning!D4", format: "0.0 %" },
      ],
    ],
    columnWidths: [30, 12],
    merges: ["A1:C1"],
    freezeRows: 2,
    charts: [
      {
        title: "Utfall",
        kind: "bar",
        categories: "A3:A3",
        series: [
          { name: "Utfall", values: "B3:B3" },
          { name: "Mål", values: "C3:C3" },
        ],
        anchor: { cell: "E2", widthCols: 6, heightRows: 12 },
      },
    ],
  };
  const plan = emptyPlan({
    sheets: [{ spec, name: "Målkoll Avvikelser", replaces: false }],
    flags: [
      { sheet: "Uppföljning", cell: "C4", severity: "warning", message: "Avviker" },
      { sheet: "Uppföljning", cell: "C4", severity: "error", message: "Fel" },
      { sheet: "Uppföljning", cell: "D5", severity: "warning", message: "Saknas" },
    ],
    state: [
      ["malkoll", 1, "Målkolls tillstånd"],
      ["owned", "avvikelser", "Målkoll Avvikelser", "abc"],
      ["flag", "Uppföljning", "C4,D5"],
    ],
  });

  it("writes the owned sheet, state and flags without touching the user's cells", async () => {
    const { context, fake, workbook } = createFakeExcel({ sheets: [userSheet] });
    const before = JSON.stringify([...workbook.sheet("Uppföljning").cells]);
    await new OfficePort(context).write(plan);

    const out = workbook.sheet("Målkoll Avvikelser");
    expect(out.valuesFromA1()).toEqual([
      ["Avvikelser", null, null],
      ["Cell", "Utfall", "Summa"],
      ["Uppföljning!C4", 0.041, null],
    ]);
    expect(out.at("C3")).toMatchObject({ formula: "=Uppföljning!C4+Uppföljning!D4", format: "0.0 %" });
    expect(out.at("B3")?.format).toBe("0.0 %");
    expect(out.at("B2")?.style).toMatchObject({
      "font.bold": true,
      "borders.EdgeBottom.style": "Continuous",
    });
    expect(out.at("B3")?.style).toMatchObject({ "fill.color": "#FFC7CE" });
    expect(out.at("A3")?.hyperlink).toEqual({ documentReference: "'Uppföljning'!C4" });
    expect(out.columnWidths.get(0)).toBe(charactersToPoints(30));
    expect(out.frozenRows).toBe(2);
    expect(out.merges).toEqual(["A1:C1"]);
    expect(out.charts).toHaveLength(1);
    expect(out.charts[0]).toMatchObject({
      type: "BarClustered",
      title: "Utfall",
      position: ["E2", "J13"],
      series: [
        { name: "Utfall", values: "'Målkoll Avvikelser'!B3", xValues: "'Målkoll Avvikelser'!A3" },
        { name: "Mål", values: "'Målkoll Avvikelser'!C3", xValues: "'Målkoll Avvikelser'!A3" },
      ],
    });

    const state = workbook.sheet("_malkoll");
    expect(state.visibility).toBe("VeryHidden");
    expect(state.valuesFromA1()).toEqual([
      ["malkoll", 1, "Målkolls tillstånd", null],
      ["owned", "avvikelser", "Målkoll Avvikelser", "abc"],
      ["flag", "Uppföljning", "C4,D5", null],
    ]);

    const user = workbook.sheet("Uppföljning");
    expect(user.rules.map((r) => [r.areas.join(","), r.formula, r.format["fill.color"]])).toEqual([
      ["C4", flagRuleFormula("error"), "#FFC7CE"],
      ["D5", flagRuleFormula("warning"), "#FFEB9C"],
    ]);
    expect(JSON.stringify([...user.cells])).toBe(before);
    expect(fake.syncCount).toBe(2);
  });

  it("replaces an owned sheet in place (old cells, charts and rules gone) after renames", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
    await new OfficePort(context).write(plan);
    const old = workbook.sheet("Målkoll Avvikelser");
    old.ensure(40, 0).value = "handskrivet";

    await new OfficePort(context).write(
      emptyPlan({
        renames: [{ from: "Uppföljning", to: "Uppföljning T2" }],
        sheets: [{ spec: { ...spec, charts: [] }, name: "Målkoll Avvikelser", replaces: true }],
        state: [["malkoll", 1]],
      }),
    );
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Uppföljning T2", "Målkoll Avvikelser", "_malkoll"]);
    const out = workbook.sheet("Målkoll Avvikelser");
    expect(out).toBe(old);
    expect(out.at("A41")).toBeUndefined();
    expect(out.charts).toHaveLength(0);
    expect(out.valuesFromA1()[2]).toEqual(["Uppföljning!C4", 0.041, null]);
    expect(workbook.sheet("_malkoll").valuesFromA1()).toEqual([["malkoll", 1]]);
  });

  it("refuses to write over an existing sheet the plan does not replace, changing nothing", async () => {
    const { context, workbook } = createFakeExcel({
      sheets: [userSheet, { name: "Målkoll Avvikelser", values: [["mitt eget"]] }],
    });
    const error = await new OfficePort(context).write(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(workbook.sheet("Målkoll Avvikelser").valuesFromA1()).toEqual([["mitt eget"]]);
    expect(workbook.find("_malkoll")).toBeUndefined();
  });

  it("writes text as text: formula-like, number-like and boolean-like strings stay strings", async () => {
    const texts = [
      '=HYPERLINK("http://example.invalid","x")',
      "@SUM(A1)",
      "+46 8 508 000 00",
      "-x",
      "2021",
      "TRUE",
      "'citat",
    ];
    const textSpec: SheetSpec = {
      key: "aktiviteter",
      rows: texts.map((value) => [{ value }]),
      columnWidths: [],
    };
    const textPlan = emptyPlan({
      sheets: [{ spec: textSpec, name: "Målkoll Aktiviteter", replaces: false }],
      state: [["flag", "-x", "=A1"]],
    });

    const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
    await new OfficePort(context).write(textPlan);
    const out = workbook.sheet("Målkoll Aktiviteter");
    texts.forEach((text, r) => {
      const cell = out.get(r, 0);
      expect(cell?.value).toBe(text);
      expect(cell?.formula).toBeUndefined();
    });
    expect(workbook.sheet("_malkoll").valuesFromA1()).toEqual([["flag", "-x", "=A1"]]);
    const readBack = await new OfficePort(context).read();
    expect(readBack.sheets.find((s) => s.name === "Målkoll Aktiviteter")?.values.map((r) => r[0])).toEqual(
      texts,
    );

    // The same strings through a naive writer become formulas and numbers: the check above can fail.
    const naive = createFakeExcel({ sheets: [userSheet] });
    await naiveWrite(naive.context, textPlan);
    const naiveOut = naive.workbook.sheet("Målkoll Aktiviteter");
    expect(naiveOut.at("A1")?.formula).toBe(texts[0]);
    expect(naiveOut.at("A3")?.formula).toBe("=+46 8 508 000 00");
    expect(naiveOut.at("A5")?.value).toBe(2021);
  });
});

describe("sync counts", () => {
  async function syncsFor(rows: number, analysis = "") {
    const { context, fake, workbook } = createFakeExcel({ sheets: [userSheet] });
    const port = new OfficePort(context);
    await port.write(
      emptyPlan({
        sheets: [{ spec: indicatorSpec(rows, analysis), name: "Målkoll Indikatorer", replaces: false }],
        flags: [{ sheet: "Uppföljning", cell: "C4", severity: "error", message: "x" }],
        state: [["malkoll", 1]],
      }),
    );
    return { syncs: fake.syncCount, fake, port, workbook };
  }

  it("is the same small constant for 10 and 10 000 indicator rows when the payload is small", async () => {
    const small = await syncsFor(10);
    const large = await syncsFor(10_000);
    expect(large.fake.syncs.reduce((s, r) => s + r.bytes, 0)).toBeLessThan(PAYLOAD_SYNC_BYTES);
    expect(small.syncs).toBe(2);
    expect(large.syncs).toBe(small.syncs);
    expect(large.port.lastRun.syncs).toBe(large.syncs);
    expect(large.workbook.sheet("Målkoll Indikatorer").at("A10003")?.value).toBe("Indikator 10000");
    console.log(
      `sync counts: 10 rows ${small.syncs} (${small.fake.maxBytes} B), 10 000 rows ${large.syncs} (${large.fake.maxBytes} B)`,
    );
  });

  it("grows by about one sync per 4 MB for a large payload and never sends over 5 MB", async () => {
    const base = (await syncsFor(10)).syncs;
    const big = await syncsFor(10_000, "Analys: ".padEnd(1500, "å"));
    const total = big.fake.syncs.reduce((s, r) => s + r.bytes, 0);
    const extra = big.syncs - base;
    expect(total).toBeGreaterThan(3 * PAYLOAD_SYNC_BYTES);
    expect(big.fake.maxBytes).toBeLessThanOrEqual(FAKE_MAX_REQUEST_BYTES);
    expect(extra).toBeGreaterThanOrEqual(Math.floor(total / PAYLOAD_SYNC_BYTES));
    expect(extra).toBeLessThanOrEqual(Math.ceil(total / PAYLOAD_SYNC_BYTES) + 1);

    const naive = createFakeExcel({ sheets: [userSheet] });
    await naiveWrite(
      naive.context,
      emptyPlan({ sheets: [{ spec: indicatorSpec(10_000), name: "N", replaces: false }] }),
    );
    console.log(
      `large payload: ${(total / 1048576).toFixed(1)} MB in ${big.syncs} syncs (max request ${(big.fake.maxBytes / 1048576).toFixed(2)} MB); ` +
        `naive row-by-row writer, 10 000 rows: ${naive.fake.syncCount} syncs`,
    );
    expect(naive.fake.syncCount).toBeGreaterThan(10_000);
  });

  it("the fake rejects a request over 5 MB, which the port reports as a HostError", async () => {
    const { context } = createFakeExcel({ sheets: [userSheet] });
    const careless = new OfficePort(context, { payloadSyncBytes: 64 * 1024 * 1024 });
    const error = await careless
      .write(
        emptyPlan({
          sheets: [{ spec: indicatorSpec(10_000, "x".padEnd(1000, "x")), name: "A", replaces: false }],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).kind).toBe("payload-too-large");
  });
});

describe("clearing flags", () => {
  it("removes only Målkoll's conditional formats and writes the state", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
    const user = workbook.sheet("Uppföljning");
    user.rules.push(
      {
        id: "u1",
        type: "Custom",
        areas: ["C4:C5"],
        formula: "=C4>0,05",
        format: { "fill.color": "#00FF00" },
      },
      { id: "u2", type: "CellValue", areas: ["D5"], formula: null, format: {} },
    );
    await new OfficePort(context).write(
      emptyPlan({
        flags: [
          { sheet: "Uppföljning", cell: "C4", severity: "error", message: "x" },
          { sheet: "Uppföljning", cell: "D5", severity: "info", message: "y" },
        ],
        state: [["flag", "Uppföljning", "C4,D5"]],
      }),
    );
    expect(user.rules.filter((r) => isMalkollRule(r.formula))).toHaveLength(2);

    await new OfficePort(context).clearFlags([{ sheet: "Uppföljning", ranges: "C4,D5" }], [["malkoll", 1]]);
    expect(user.rules.map((r) => r.id)).toEqual(["u1", "u2"]);
    expect(workbook.sheet("_malkoll").valuesFromA1()).toEqual([["malkoll", 1]]);
  });

  it("clears old flags and applies new ones in one write, skipping sheets that are gone", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
    const port = new OfficePort(context);
    await port.write(
      emptyPlan({ flags: [{ sheet: "Uppföljning", cell: "C4", severity: "error", message: "x" }] }),
    );
    await port.write(
      emptyPlan({
        clearFlags: [
          { sheet: "Uppföljning", ranges: "C4" },
          { sheet: "Borttagen", ranges: "A1" },
        ],
        flags: [{ sheet: "Uppföljning", cell: "E5", severity: "warning", message: "y" }],
      }),
    );
    expect(workbook.sheet("Uppföljning").rules.map((r) => [r.areas.join(","), r.formula])).toEqual([
      ["E5", flagRuleFormula("warning")],
    ]);
  });
});

describe("errors and selection", () => {
  it("maps Excel's cell-edit error to a HostError with Swedish and English advice", async () => {
    const { context, fake } = createFakeExcel({ sheets: [userSheet] });
    fake.failNextSync("InvalidOperationInCellEditMode");
    const error = (await new OfficePort(context).read().catch((e: unknown) => e)) as HostError;
    expect(error).toBeInstanceOf(HostError);
    expect(error.kind).toBe("cell-editing");
    expect(error.message).toMatch(/Enter eller Esc/);
    expect(error.text("en-US")).toMatch(/Enter or Esc/);
    expect(error.excelCode).toBe("InvalidOperationInCellEditMode");
  });

  it("select activates the sheet and selects the cell in one sync", async () => {
    const { context, fake, workbook } = createFakeExcel({
      sheets: [userSheet, { name: "Annat", values: [[1]] }],
    });
    await new OfficePort(context).select("Uppföljning", "C4");
    expect(workbook.activeSheet).toBe("Uppföljning");
    expect(workbook.selection).toEqual({ sheet: "Uppföljning", address: "C4" });
    expect(fake.syncCount).toBe(1);
  });

  it("select on a missing sheet is a HostError, not a crash", async () => {
    const { context } = createFakeExcel({ sheets: [userSheet] });
    const error = (await new OfficePort(context)
      .select("Saknas", "A1")
      .catch((e: unknown) => e)) as HostError;
    expect(error.kind).toBe("not-found");
  });
});
