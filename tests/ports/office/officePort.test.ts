import type { CellValue } from "../../../src/engine/grid";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { HostError } from "../../../src/ports/office/errors";
import {
  OfficePort,
  PAYLOAD_SYNC_BYTES,
  widthToPoints,
  flagRuleFormula,
} from "../../../src/ports/office/officePort";
import { SheetHiddenError } from "../../../src/ports/port";
import { createFakeExcel, FAKE_MAX_REQUEST_BYTES } from "../../helpers/fakeExcel";
import { naiveWrite } from "../../helpers/naiveWrite";
import { emptyPlan, indicatorSpec, stateOf, stateRowsOf, userSheet, webPort } from "./support";

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
    const [follow, mine, empty, state] = snapshot.sheets;
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
    expect(state.values).toEqual([["malkoll", 1]]);
    expect(fake.syncCount).toBe(3);
  });

  it("loads formulas only from sheets that have formulas", async () => {
    const { context, fake } = createFakeExcel({
      sheets: [userSheet, { name: "Text", values: [["lång text ".repeat(50)], ["mer"]] }],
    });
    await new OfficePort(context).read();
    const loads = fake.actions.filter((a) => a.includes(".load(values"));
    expect(loads).toEqual([
      expect.stringMatching(/worksheet\(Uppföljning\).*load\(values,numberFormat,formulas\)/),
      expect.stringMatching(/worksheet\(Text\).*load\(values,numberFormat\)$/),
    ]);
  });

  it("reads large sheets in chunks sized by the bytes that come back, and gets the same grid", async () => {
    const values: CellValue[][] = Array.from({ length: 500 }, (_, r) => [`rad ${r}`, r, r * 2]);
    const one = createFakeExcel({ sheets: [{ name: "Blad1", origin: "A2", values }] });
    const many = createFakeExcel({ sheets: [{ name: "Blad1", origin: "A2", values }] });
    const whole = await new OfficePort(one.context).read();
    const chunked = await new OfficePort(many.context, { responseBytes: 2000 }).read();
    expect(chunked).toEqual(whole);
    // Past 200 rows a sheet is read after a probe of its first 200 that measures its bytes per cell.
    expect(one.fake.syncCount).toBe(4);
    // Every answer within the 2 000-byte budget, so as many chunks as that takes.
    const chunks = many.fake.syncs.slice(2);
    const received = chunks.reduce((n, s) => n + s.responseBytes, 0);
    expect(Math.max(...chunks.map((s) => s.responseBytes))).toBeLessThanOrEqual(2000);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(received / 2000));
    expect(chunks.every((s) => s.error === null)).toBe(true);
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
          { name: "Utfall", values: "B3:B3", colour: "5AA36A" },
          { name: "Mål", values: "C3:C3", colour: "D0454C" },
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
    const port = webPort(context);
    await port.read();
    const readSyncs = fake.syncCount;
    await port.write(plan);

    const out = workbook.sheet("Målkoll Avvikelser");
    expect(out.visibility).toBe("Visible");
    expect(out.valuesFromA1()).toEqual([
      ["Avvikelser", null, null],
      ["Cell", "Utfall", "Summa"],
      ["Uppföljning!C4", 0.041, null],
    ]);
    expect(out.at("C3")).toMatchObject({ formula: "=Uppföljning!C4+Uppföljning!D4", format: "0.0 %" });
    expect(out.at("B3")?.format).toBe("0.0 %");
    // The look of look.ts, as the xlsx port writes it: a header row in Calibri 9 bold on #D9E1F2
    // with a thin grey rule below, a "bad" status in red on pink, a link blue and underlined.
    expect(out.at("B2")?.style).toEqual({
      "font.name": "Calibri",
      "font.size": 9,
      "font.bold": true,
      "font.italic": false,
      "font.underline": "None",
      "font.color": "#000000",
      "fill.color": "#D9E1F2",
      "borders.EdgeBottom.style": "Continuous",
      "borders.EdgeBottom.weight": "Thin",
      "borders.EdgeBottom.color": "#808080",
      horizontalAlignment: "Left",
      verticalAlignment: "Bottom",
    });
    expect(out.at("B3")?.style).toMatchObject({
      "fill.color": "#FFC7CE",
      "font.color": "#9C0006",
      horizontalAlignment: "Right",
    });
    expect(out.at("A3")?.style).toMatchObject({ "font.color": "#0563C1", "font.underline": "Single" });
    expect(out.at("A3")?.hyperlink).toEqual({ documentReference: "'Uppföljning'!C4" });
    // 30 and 12 units at 5,25 points each, as Excel draws a unit of the xlsx width.
    expect([out.columnWidths.get(0), out.columnWidths.get(1)]).toEqual([157.5, 63]);
    expect(widthToPoints(30)).toBe(157.5);
    expect(out.frozenRows).toBe(2);
    expect(out.merges).toEqual(["A1:C1"]);
    // Every row its planned height, none autofitted (the page breaks were planned for these).
    expect([...out.rowHeights.keys()].sort()).toEqual([0, 1, 2]);
    expect(out.autofitRows).toEqual([]);
    expect(out.charts).toHaveLength(1);
    // Built under a scratch name; the chart's ranges follow the sheet to its final name.
    expect(out.charts[0]).toMatchObject({
      type: "BarClustered",
      title: "Utfall",
      position: ["E2", "J13"],
      series: [
        {
          name: "Utfall",
          values: "'Målkoll Avvikelser'!B3",
          xValues: "'Målkoll Avvikelser'!A3",
          format: { "format.fill.solidColor": "#5AA36A", gapWidth: 80 },
        },
        {
          name: "Mål",
          values: "'Målkoll Avvikelser'!C3",
          xValues: "'Målkoll Avvikelser'!A3",
          format: { "format.fill.solidColor": "#D0454C" },
        },
      ],
    });

    const state = workbook.sheet("_malkoll");
    expect(state.visibility).toBe("VeryHidden");
    expect(stateRowsOf(workbook)).toEqual([
      ["malkoll", 1, "Målkolls tillstånd"],
      ["owned", "avvikelser", "Målkoll Avvikelser", "abc"],
      ["flag", "Uppföljning", "C4,D5"],
    ]);
    expect(stateOf(workbook).revision).toEqual({
      number: 1,
      at: "2021-09-15T08:00:00.000Z",
      host: "Excel 16.0.18227.20162",
      platform: "OfficeOnline",
    });

    const user = workbook.sheet("Uppföljning");
    // Added one by one at the top priority: the last added comes first.
    expect(user.rules.map((r) => [r.areas.join(","), r.formula, r.format["fill.color"]])).toEqual([
      ["D5", flagRuleFormula("warning"), "#FFEB9C"],
      ["C4", flagRuleFormula("error"), "#FFC7CE"],
    ]);
    // Not colour alone: the text colour, and a box whose line says how serious (dashed: a warning).
    expect(user.rules[0].format).toEqual({
      "fill.color": "#FFEB9C",
      "font.color": "#7F6000",
      "borders.EdgeTop.style": "Dash",
      "borders.EdgeTop.color": "#7F6000",
      "borders.EdgeBottom.style": "Dash",
      "borders.EdgeBottom.color": "#7F6000",
      "borders.EdgeLeft.style": "Dash",
      "borders.EdgeLeft.color": "#7F6000",
      "borders.EdgeRight.style": "Dash",
      "borders.EdgeRight.color": "#7F6000",
    });
    expect(user.rules[1].format).toMatchObject({ "font.bold": true, "borders.EdgeLeft.style": "Continuous" });
    expect(JSON.stringify([...user.cells])).toBe(before);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Uppföljning", "_malkoll", "Målkoll Avvikelser"]);
    // check; lease, new sheet and its content; swap; flags.
    expect(fake.syncCount - readSyncs).toBe(4);
  });

  it("replaces an owned sheet at its place (old cells, charts and rules gone) after renames", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
    await webPort(context).write(plan);
    const old = workbook.sheet("Målkoll Avvikelser");
    old.ensure(40, 0).value = "handskrivet";
    old.rules.push({ id: "egen", type: "Custom", areas: ["A1"], formula: "=TRUE", format: {} });
    workbook.sheets.push(workbook.sheets.splice(workbook.sheets.indexOf(old), 1)[0]);
    workbook.sheets.splice(1, 0, workbook.sheets.pop() as typeof old);

    await webPort(context).write(
      emptyPlan({
        renames: [{ from: "Uppföljning", to: "Uppföljning T2" }],
        sheets: [{ spec: { ...spec, charts: [] }, name: "Målkoll Avvikelser", replaces: true }],
        state: [["malkoll", 1]],
      }),
    );
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Uppföljning T2", "Målkoll Avvikelser", "_malkoll"]);
    const out = workbook.sheet("Målkoll Avvikelser");
    expect(out).not.toBe(old);
    expect(old.deleted).toBe(true);
    expect(out.at("A41")).toBeUndefined();
    expect(out.rules).toEqual([]);
    expect(out.charts).toHaveLength(0);
    expect(out.valuesFromA1()[2]).toEqual(["Uppföljning!C4", 0.041, null]);
    expect(stateRowsOf(workbook)).toEqual([["malkoll", 1]]);
    expect(stateOf(workbook).revision?.number).toBe(2);
  });

  it("refuses to write over an existing sheet the plan does not replace, changing nothing", async () => {
    const { context, workbook } = createFakeExcel({
      sheets: [userSheet, { name: "Målkoll Avvikelser", values: [["mitt eget"]] }],
    });
    const error = await webPort(context)
      .write(plan)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(workbook.sheet("Målkoll Avvikelser").valuesFromA1()).toEqual([["mitt eget"]]);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Uppföljning", "Målkoll Avvikelser"]);
  });

  it("writes text as text: formula-like, number-like and boolean-like strings stay strings", async () => {
    const texts = [
      '=HYPERLINK("http://example.invalid","x")',
      "@SUM(A1)",
      "+46 8 508 000 00",
      "-x",
      "2021",
      "2021-08-31",
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
    await webPort(context).write(textPlan);
    const out = workbook.sheet("Målkoll Aktiviteter");
    texts.forEach((text, r) => {
      const cell = out.get(r, 0);
      expect(cell?.value).toBe(text);
      expect(cell?.formula).toBeUndefined();
    });
    expect(stateRowsOf(workbook)).toEqual([["flag", "-x", "=A1"]]);
    const readBack = await webPort(context).read();
    expect(readBack.sheets.find((s) => s.name === "Målkoll Aktiviteter")?.values.map((r) => r[0])).toEqual(
      texts,
    );

    // The same strings through a naive writer become formulas, numbers and dates: the check above can fail.
    const naive = createFakeExcel({ sheets: [userSheet] });
    await naiveWrite(naive.context, textPlan);
    const naiveOut = naive.workbook.sheet("Målkoll Aktiviteter");
    expect(naiveOut.at("A1")?.formula).toBe(texts[0]);
    expect(naiveOut.at("A3")?.formula).toBe("=+46 8 508 000 00");
    expect(naiveOut.at("A5")?.value).toBe(2021);
    expect(naiveOut.at("A6")?.value).toBe(44439);
  });

  it("cuts text longer than a cell holds, as the xlsx port does (the fake refuses 32 768 characters)", async () => {
    const long = "å".repeat(40_000);
    const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
    await webPort(context).write(
      emptyPlan({
        sheets: [
          {
            spec: { key: "aktiviteter", rows: [[{ value: long }]], columnWidths: [] },
            name: "A",
            replaces: false,
          },
        ],
      }),
    );
    const text = workbook.sheet("A").at("A1")?.value as string;
    expect(text).toHaveLength(32_767);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("sync counts", () => {
  async function syncsFor(rows: number, analysis = "") {
    const { context, fake, workbook } = createFakeExcel({ sheets: [userSheet] });
    const port = webPort(context);
    await port.read();
    const before = fake.syncCount;
    await port.write(
      emptyPlan({
        sheets: [{ spec: indicatorSpec(rows, analysis), name: "Målkoll Indikatorer", replaces: false }],
        flags: [{ sheet: "Uppföljning", cell: "C4", severity: "error", message: "x" }],
        state: [["malkoll", 1]],
      }),
    );
    const syncs = fake.syncs.slice(before);
    return { syncs: syncs.length, records: syncs, port, workbook };
  }

  it("is the same small constant for 10 and 10 000 indicator rows when the payload is small", async () => {
    const small = await syncsFor(10);
    const large = await syncsFor(10_000);
    expect(large.records.reduce((s, r) => s + r.bytes, 0)).toBeLessThan(PAYLOAD_SYNC_BYTES);
    expect(small.syncs).toBe(4);
    expect(large.syncs).toBe(small.syncs);
    expect(large.port.lastRun.syncs).toBe(large.syncs);
    expect(large.workbook.sheet("Målkoll Indikatorer").at("A10003")?.value).toBe("Indikator 10000");
  });

  it("grows by about one sync per 4 MB for a large payload and never sends over 5 MB", async () => {
    const base = (await syncsFor(10)).syncs;
    const big = await syncsFor(10_000, "Analys: ".padEnd(1500, "å"));
    const total = big.records.reduce((s, r) => s + r.bytes, 0);
    const largest = Math.max(...big.records.map((r) => r.bytes));
    const extra = big.syncs - base;
    expect(total).toBeGreaterThan(3 * PAYLOAD_SYNC_BYTES);
    expect(largest).toBeLessThanOrEqual(FAKE_MAX_REQUEST_BYTES);
    expect(extra).toBeGreaterThanOrEqual(Math.floor(total / PAYLOAD_SYNC_BYTES));
    expect(extra).toBeLessThanOrEqual(Math.ceil(total / PAYLOAD_SYNC_BYTES) + 1);
    expect(big.port.lastRun.retries).toBe(0);

    const naive = createFakeExcel({ sheets: [userSheet] });
    await naiveWrite(
      naive.context,
      emptyPlan({ sheets: [{ spec: indicatorSpec(10_000), name: "N", replaces: false }] }),
    );
    expect(naive.fake.syncCount).toBeGreaterThan(10_000);
  });

  it("a request Excel refuses as too large is sent again in halves until it fits", async () => {
    const { context, fake, workbook } = createFakeExcel({ sheets: [userSheet] });
    const careless = webPort(context, { payloadSyncBytes: 64 * 1024 * 1024 });
    await careless.write(
      emptyPlan({
        sheets: [{ spec: indicatorSpec(10_000, "x".padEnd(1000, "x")), name: "A", replaces: false }],
      }),
    );
    const refused = fake.syncs.filter((s) => s.error === "RequestPayloadSizeLimitExceeded");
    expect(refused.length).toBeGreaterThan(0);
    expect(careless.lastRun.retries).toBe(refused.length);
    expect(Math.max(...fake.syncs.filter((s) => !s.error).map((s) => s.bytes))).toBeLessThanOrEqual(
      FAKE_MAX_REQUEST_BYTES,
    );
    expect(workbook.sheet("A").at("A10003")?.value).toBe("Indikator 10000");
    expect(workbook.sheet("A").at("F10003")?.value).toBe(`${"x".padEnd(1000, "x")} 9999`);
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

  it("maps Excel's InvalidOperation to advice of its own, not the unknown error's", async () => {
    const { context, fake } = createFakeExcel({ sheets: [userSheet] });
    fake.failNextSync("InvalidOperation");
    const error = (await new OfficePort(context).read().catch((e: unknown) => e)) as HostError;
    expect([error.kind, error.excelCode]).toEqual(["invalid-argument", "InvalidOperation"]);
    expect(error.message).toMatch(/^Excel vägrade en åtgärd som Målkoll försökte göra/);
    expect(error.text("en-GB")).toMatch(/^Excel refused an operation Målkoll attempted/);
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

  it.each([
    ["Hidden", "hidden"],
    ["VeryHidden", "veryHidden"],
  ] as const)(
    "select on a %s sheet is refused as Excel refuses it, and says the sheet is hidden",
    async (visibility, hiddenAs) => {
      // Excel activates and selects nothing on a hidden sheet. The pane does not ask for a sheet its
      // read saw hidden (usePane); one hidden since is found out from Excel's refusal.
      const { context, fake, workbook } = createFakeExcel({
        sheets: [userSheet, { name: "Dold", values: [[1]], visibility }],
      });
      const error = (await new OfficePort(context)
        .select("Dold", "A1")
        .catch((e: unknown) => e)) as SheetHiddenError;
      expect(error).toBeInstanceOf(SheetHiddenError);
      expect([error.sheet, error.visibility]).toEqual(["Dold", hiddenAs]);
      expect(workbook.activeSheet).toBeNull();
      expect(workbook.selection).toBeNull();
      // The failed select, then the sheet's visibility.
      expect(fake.syncCount).toBe(2);
    },
  );

  it("a select that fails on a visible sheet keeps Excel's error", async () => {
    const { context } = createFakeExcel({ sheets: [userSheet] });
    const error = (await new OfficePort(context)
      .select("Uppföljning", "not a cell")
      .catch((e: unknown) => e)) as HostError;
    expect(error).toBeInstanceOf(HostError);
    expect(error).not.toBeInstanceOf(SheetHiddenError);
  });

  it("select on a missing sheet is a HostError, not a crash", async () => {
    const { context } = createFakeExcel({ sheets: [userSheet] });
    const error = (await new OfficePort(context)
      .select("Saknas", "A1")
      .catch((e: unknown) => e)) as HostError;
    expect(error.kind).toBe("not-found");
  });

  it("refuses to write into a workbook whose structure is protected, before changing anything", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
    workbook.structureProtected = true;
    const error = (await webPort(context)
      .write(
        emptyPlan({ sheets: [{ spec: indicatorSpec(2), name: "Målkoll Indikatorer", replaces: false }] }),
      )
      .catch((e: unknown) => e)) as HostError;
    expect(error.kind).toBe("access-denied");
    expect(error.message).toMatch(/struktur är skyddad.*Inget ändrades/);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Uppföljning"]);
  });

  it("refuses a user's sheet named as the state sheet in another case (_MALKOLL), before changing it", async () => {
    // Excel compares sheet names without case: `_malkoll` has no room beside it (before, adding it
    // failed mid-write with an error that said nothing of why).
    const lookalike = { name: "_MALKOLL", values: [["Egen anteckning"], ["rad 2"], ["rad 3"], ["rad 4"]] };
    const { context, workbook } = createFakeExcel({ sheets: [userSheet, lookalike] });
    const port = webPort(context);
    const snapshot = await port.read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Uppföljning", "_MALKOLL"]);
    const error = (await port
      .write(
        emptyPlan({ sheets: [{ spec: indicatorSpec(2), name: "Målkoll Indikatorer", replaces: false }] }),
      )
      .catch((e: unknown) => e)) as HostError;
    expect(error).toBeInstanceOf(HostError);
    expect(error.message).toMatch(
      /"_MALKOLL" har samma namn som Målkolls dolda blad "_malkoll".*Inget ändrades/,
    );
    expect(error.messageEn).toMatch(/"_MALKOLL" has the name of Målkoll's hidden sheet/);
    expect(workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Uppföljning", "Visible"],
      ["_MALKOLL", "Visible"],
    ]);
    expect(workbook.sheets[1].valuesFromA1()).toEqual(lookalike.values);
  });
});
