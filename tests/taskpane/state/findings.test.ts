import {
  BLOCKING_CODES,
  DEFAULT_FILTER,
  MUST_WRITE_CODES,
  filterFindings,
  goalAndDescendants,
  groupFindings,
  hiddenCells,
  scopeOptions,
  scopeSheet,
  unreadableFindings,
  userSheetNames,
} from "../../../src/taskpane/state/findings";
import { check } from "../../../src/engine";
import { finding } from "../../../src/engine/findings";
import type { FindingCode } from "../../../src/engine/findings";
import { runGenerate } from "../../../src/app/run";
import { MemoryPort } from "../../../src/ports/memory/memoryPort";
import { plainSheet, seedSheet, snapshotOf } from "../../helpers/seedGrid";
import { FINDINGS, GOALS, SHARED_PERIOD, checkShared, goal, result, sharedWorkbook } from "../fixtures";

const MODEL = result().model;

describe("findings filter and grouping", () => {
  test("a goal's scope includes the goals below it, and cycles end", () => {
    expect([...goalAndDescendants(GOALS, "Uppföljning!A1")].sort()).toEqual([
      "Uppföljning!A1",
      "Uppföljning!A20",
    ]);
    const cyclic = [goal("S!A1", "S!A2", "kf-mal", null, "a"), goal("S!A2", "S!A1", "namndmal", null, "b")];
    expect(goalAndDescendants(cyclic, "S!A1").size).toBe(2);
  });

  test("a goal scope keeps the goal's and its children's findings only", () => {
    const shown = filterFindings(FINDINGS, { ...DEFAULT_FILTER, scope: "goal:Uppföljning!A1" }, MODEL);
    expect(shown.map((f) => f.cell)).toEqual(["A25", "G5", "A6"]);
  });

  test("the scope list nests a goal only under the goals its choice includes", () => {
    // A unit's VB over two sheets: the first has inriktningsmål 1 above KF 1.1; the second starts
    // at KF 3.2 with nothing above it. Indented by level, 3.2 sat under inriktningsmål 1, whose
    // choice leaves out 3.2's findings.
    const goals = [
      goal("Mål!A3", null, "inriktningsmal", "1", "En modern storstad"),
      goal("Mål!A5", "Mål!A3", "kf-mal", "1.1", "Självförsörjande"),
      goal("Mål!A23", "Mål!A5", "enhetsmal", null, "Brukarna förbereds"),
      goal("Personal!A1", null, "kf-mal", "3.2", "Skattemedlen effektivt"),
      goal("Personal!A10", "Personal!A1", "namndmal", null, "Attraktiv arbetsgivare"),
      goal("Personal!A16", "Personal!A10", "enhetsmal", null, "God arbetsgivare"),
    ];
    const options = scopeOptions({ ...MODEL, goals }).goals;
    expect(options.map((o) => [o.label, o.depth])).toEqual([
      ["1 En modern storstad", 0],
      ["1.1 Självförsörjande", 1],
      ["Brukarna förbereds", 2],
      ["3.2 Skattemedlen effektivt", 0],
      ["Attraktiv arbetsgivare", 1],
      ["God arbetsgivare", 2],
    ]);
    // Each option indented deeper than the one before is inside that one's scope.
    for (let i = 1; i < options.length; i++) {
      if (options[i].depth <= options[i - 1].depth) continue;
      const above = options[i - 1].value.slice("goal:".length);
      expect(goalAndDescendants(goals, above).has(options[i].value.slice("goal:".length))).toBe(true);
    }
    const cyclic = [goal("S!A1", "S!A2", "kf-mal", null, "a"), goal("S!A2", "S!A1", "namndmal", null, "b")];
    expect(scopeOptions({ ...MODEL, goals: cyclic }).goals.map((o) => o.depth)).toEqual([1, 1]);
  });

  test("the scope list puts each goal right under its parent, also one on another sheet", () => {
    // A nämnd's goals on Mål, a unit's own goals on Enhet under a KF mål on Mål. In model order
    // the unit's nämndmål came after Enhet's root and, indented by its two goals above, sat under
    // that unrelated root.
    const goals = [
      goal("Mål!A3", null, "inriktningsmal", "1", "En modern storstad"),
      goal("Mål!A5", "Mål!A3", "kf-mal", "1.1", "Självförsörjande"),
      goal("Mål!A9", null, "inriktningsmal", "2", "En hållbar stad"),
      goal("Mål!A11", "Mål!A9", "kf-mal", "2.1", "Klimatsmart"),
      goal("Enhet!A1", null, "kf-mal", "3.2", "Skattemedlen effektivt"),
      goal("Enhet!A4", "Mål!A5", "namndmal", null, "Fler i arbete"),
      goal("Enhet!A8", "Enhet!A4", "enhetsmal", null, "Brukarna förbereds"),
      goal("Enhet!A12", "Mål!A3", "kf-mal", "1.2", "Trygg stad"),
      goal("Enhet!A15", "Saknas!A1", "namndmal", null, "Förälder som inte lästes"),
    ];
    const options = scopeOptions({ ...MODEL, goals }).goals;
    expect(options.map((o) => [o.label, o.depth])).toEqual([
      ["1 En modern storstad", 0],
      ["1.1 Självförsörjande", 1],
      ["Fler i arbete", 2],
      ["Brukarna förbereds", 3],
      ["1.2 Trygg stad", 1],
      ["2 En hållbar stad", 0],
      ["2.1 Klimatsmart", 1],
      ["3.2 Skattemedlen effektivt", 0],
      ["Förälder som inte lästes", 0],
    ]);
    // Whatever the order: the nearest option above with one step less indentation is the parent.
    const byValue = new Map(goals.map((g) => [`goal:${g.id}`, g]));
    options.forEach((o, i) => {
      if (o.depth === 0) return;
      const above = options
        .slice(0, i)
        .reverse()
        .find((p) => p.depth === o.depth - 1);
      expect(above && byValue.get(above.value)?.id).toBe(byValue.get(o.value)?.parent);
    });
    // Goals in a cycle reach no root and are still offered, each once.
    const cyclic = [
      goal("S!A1", "S!A2", "kf-mal", null, "a"),
      goal("S!A3", null, "kf-mal", null, "c"),
      goal("S!A2", "S!A1", "namndmal", null, "b"),
    ];
    expect(scopeOptions({ ...MODEL, goals: cyclic }).goals.map((o) => o.label)).toEqual(["c", "a", "b"]);
  });

  test("grouped by goal, the goals' groups follow the tree as the scope list does", () => {
    const goals = [
      goal("Mål!A3", null, "inriktningsmal", "1", "En modern storstad"),
      goal("Mål!A9", null, "inriktningsmal", "2", "En hållbar stad"),
      goal("Enhet!A4", "Mål!A3", "namndmal", null, "Fler i arbete"),
    ];
    const on = (g: string) =>
      finding({
        code: "analysis-missing",
        sheet: "Enhet",
        cell: "A5",
        goal: g,
        message: "m",
        messageEn: "m",
      });
    const groups = groupFindings([on("Mål!A9"), on("Enhet!A4"), on("Mål!A3")], "goal", goals);
    expect(groups.map((g) => g.key)).toEqual(["Mål!A3", "Enhet!A4", "Mål!A9"]);
  });

  test("Vad måste jag skriva? keeps analyses, outcomes and targets to write", () => {
    const shown = filterFindings(FINDINGS, { ...DEFAULT_FILTER, mustWrite: true }, MODEL);
    expect(shown.map((f) => f.code)).toEqual(["analysis-missing", "outcome-missing"]);
    const both = filterFindings(
      FINDINGS,
      { ...DEFAULT_FILTER, mustWrite: true, scope: "goal:Uppföljning!A40" },
      MODEL,
    );
    expect(both.map((f) => f.code)).toEqual(["outcome-missing"]);
  });

  test("Vad måste jag skriva? keeps a row not read for a value it cannot read (`ca 40` after a blank row)", () => {
    const notRead = finding({
      code: "row-not-read",
      sheet: "T2 2021",
      cell: "A10",
      goal: null,
      message: "Raden ”Antal barn i kö” står efter en tom rad …: ”ca 40” i B10 går inte att läsa …",
      messageEn: "m",
    });
    const shown = filterFindings([...FINDINGS, notRead], { ...DEFAULT_FILTER, mustWrite: true }, MODEL);
    expect(shown.map((f) => f.code)).toContain("row-not-read");
  });

  test("grouping by severity drops empty groups and keeps order", () => {
    const groups = groupFindings(FINDINGS, "severity", GOALS);
    expect(groups.map((g) => [g.key, g.findings.length])).toEqual([
      ["error", 1],
      ["warning", 3],
      ["info", 1],
    ]);
  });

  test("grouping by goal follows the goals' order and puts goal-less findings last", () => {
    const groups = groupFindings(FINDINGS, "goal", GOALS);
    expect(groups.map((g) => g.key)).toEqual([
      "Uppföljning!A1",
      "Uppföljning!A20",
      "Uppföljning!A40",
      "none",
    ]);
    expect(groups[3].findings.map((f) => f.code)).toEqual(["budget-sign"]);
  });

  test("grouping by goal puts notes about the workbook or a sheet apart from Utan mål, last", () => {
    const about = (code: FindingCode, goal: string | null = null) =>
      finding({ code, sheet: "Uppföljning", cell: "A9", goal, message: "m", messageEn: "m" });
    const groups = groupFindings(
      [
        about("rows-hidden"),
        ...FINDINGS,
        about("sheet-hidden"),
        about("rows-hidden", "Uppföljning!A40"),
        about("period-unknown"),
        about("header-unrecognized"),
        about("formula-not-calculated"),
      ],
      "goal",
      GOALS,
    );
    expect(groups.map((g) => [g.key, g.findings.map((f) => f.code)])).toEqual([
      ["Uppföljning!A1", ["target-less-ambitious", "direction-unknown"]],
      ["Uppföljning!A20", ["analysis-missing"]],
      ["Uppföljning!A40", ["outcome-missing", "rows-hidden"]],
      ["none", ["budget-sign"]],
      [
        "workbook",
        ["rows-hidden", "sheet-hidden", "period-unknown", "header-unrecognized", "formula-not-calculated"],
      ],
    ]);
  });
});

describe("Visa anmärkningar för by sheet: a nämnd's workbook with a sheet per unit manager", () => {
  const snapshot = sharedWorkbook();
  const checked = checkShared(snapshot);
  const on = { findings: checked.findings, sheets: userSheetNames(snapshot, checked.state) };
  const sheetOptions = scopeOptions(checked.model, on).sheets;
  /** What a sheet can narrow: all but what blocks judging, which is listed whatever the filter. */
  const narrowed = checked.findings.filter((f) => !BLOCKING_CODES.has(f.code));
  const shownFor = (scope: string, more: Partial<typeof DEFAULT_FILTER> = {}) =>
    filterFindings(checked.findings, { ...DEFAULT_FILTER, ...more, scope }, checked.model);
  /** All a sheet lists: its blocks not read (listed first), then what the filter leaves. */
  const listedFor = (scope: string) => [...unreadableFindings(checked.findings, scope), ...shownFor(scope)];
  const unique = (names: string[]) => [...new Set(names)];

  test("offers the sheets with findings in the workbook's order, not the findings' (errors first)", () => {
    const inWorkbookOrder = snapshot.sheets
      .map((s) => s.name)
      .filter((name) => narrowed.some((f) => f.sheet === name));
    expect(inWorkbookOrder.length).toBeGreaterThan(1);
    // Budget's errors sort its findings first: their order is not the workbook's.
    expect(unique(narrowed.map((f) => f.sheet))).not.toEqual(inWorkbookOrder);
    expect(sheetOptions.map((o) => o.label)).toEqual(inWorkbookOrder);
    // The hidden sheet is offered: its own note (sheet-hidden) concerns it.
    expect(checked.findings.find((f) => f.sheet === "Miljö")?.code).toBe("sheet-hidden");
    expect(sheetOptions.map((o) => o.label)).toContain("Miljö");
    // A sheet whose only note is a block not read is offered: a sheet lists its own such blocks.
    expect(checked.findings.filter((f) => f.sheet === "Lista").map((f) => f.code)).toEqual([
      "header-unrecognized",
    ]);
    expect(sheetOptions.map((o) => o.label)).toContain("Lista");
    // Each value reads back as its sheet's name, apostrophe, space and Å as written.
    for (const o of sheetOptions) expect(scopeSheet(o.value)).toBe(o.label);
  });

  test("a sheet shows its findings only, and the sheets together lose none and repeat none", () => {
    const all = sheetOptions.flatMap((o) => {
      const shown = listedFor(o.value);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.filter((f) => f.sheet !== o.label)).toEqual([]);
      return shown;
    });
    expect(all).toHaveLength(narrowed.length);
    expect(new Set(all)).toEqual(new Set(narrowed));
  });

  test("under a sheet, Om arbetsboken keeps the notes about that sheet and drops the other sheets'", () => {
    const about = (sheet: string) =>
      groupFindings(shownFor(`sheet:${sheet}`), "goal", checked.model.goals)
        .find((g) => g.key === "workbook")
        ?.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`) ?? [];
    const hiddenRow = checked.findings.find((f) => f.code === "rows-hidden");
    expect(hiddenRow?.sheet).toBe("Uppföljning");
    expect(about("Uppföljning")).toEqual([`rows-hidden Uppföljning!${hiddenRow?.cell}`]);
    expect(about("Miljö")).toEqual([expect.stringMatching(/^sheet-hidden Miljö!/)]);
    expect(about("Ekonomi")).toEqual([]);
  });

  test("Vad måste jag skriva? on a unit's sheet keeps what is to write there, and can leave nothing", () => {
    const toWrite = shownFor("sheet:Ekonomi", { mustWrite: true });
    expect(toWrite.length).toBeGreaterThan(0);
    expect(toWrite.every((f) => f.sheet === "Ekonomi" && MUST_WRITE_CODES.has(f.code))).toBe(true);
    // 000's förskola sheet has notes, none of them to write.
    expect(shownFor("sheet:Förskolan Åkern's mål 2021").length).toBeGreaterThan(0);
    expect(shownFor("sheet:Förskolan Åkern's mål 2021", { mustWrite: true })).toEqual([]);
  });

  test("findings on one sheet offer no sheet: the choice would leave nothing out", () => {
    const one = snapshotOf(
      seedSheet("002-t2-kf-1.1", "Uppföljning"),
      plainSheet("Anteckningar", [["Möte 3/9"]]),
    );
    const oneChecked = check(one, SHARED_PERIOD);
    const sheets = (s: typeof one, r: typeof oneChecked) =>
      scopeOptions(r.model, { findings: r.findings, sheets: userSheetNames(s, r.state) }).sheets;
    expect(unique(oneChecked.findings.map((f) => f.sheet))).toEqual(["Uppföljning"]);
    expect(sheets(one, oneChecked)).toEqual([]);
    // A second sheet whose only note blocks judging (listed whatever the filter) does not count.
    // A sum on `Anteckningar` saved as a formula without its value (uncalculated.test.ts).
    const notCalculated = snapshotOf(one.sheets[0], {
      ...plainSheet("Anteckningar", [["Summa", 0]]),
      uncalculated: ["B1"],
    });
    const blockedChecked = check(notCalculated, SHARED_PERIOD);
    expect(blockedChecked.findings.filter((f) => f.sheet === "Anteckningar").map((f) => f.code)).toEqual([
      "formula-not-calculated",
    ]);
    expect(sheets(notCalculated, blockedChecked)).toEqual([]);
  });

  test("Målkoll's own sheets are never offered: after Skapa tabeller the same sheets are the user's", async () => {
    const port = new MemoryPort(sharedWorkbook());
    await runGenerate(port, { ...SHARED_PERIOD, host: "cli" });
    const after = await port.read();
    const again = check(after, SHARED_PERIOD);
    const owned = after.sheets.map((s) => s.name).filter((n) => !snapshot.sheets.some((s) => s.name === n));
    expect(owned).toEqual(expect.arrayContaining(["_malkoll", ...again.state.owned.map((o) => o.name)]));
    expect(again.state.owned.length).toBeGreaterThan(0);
    expect(userSheetNames(after, again.state)).toEqual(snapshot.sheets.map((s) => s.name));
    // Flagged and checked again, the generated sheets hold no findings of their own to offer.
    const offered = scopeOptions(again.model, {
      findings: again.findings,
      sheets: userSheetNames(after, again.state),
    }).sheets.map((o) => o.label);
    expect(offered).toEqual(sheetOptions.map((o) => o.label));
  });

  test("a sheet's scope is read by its prefix only: a name like another scope's value is still a sheet", () => {
    // Excel forbids `:` in a sheet name, but a name may be a unit's: `Ekonomiskt bistånd` is an
    // area on Ekonomi (002 line 1951, with a large deviation) and the sheet its unit manager owns.
    const named = snapshotOf(
      seedSheet("002-t2-driftbudget", "Ekonomi"),
      seedSheet("000-vb-enhet-forskola", "Ekonomiskt bistånd"),
    );
    const r = check(named, SHARED_PERIOD);
    const options = scopeOptions(r.model, { findings: r.findings, sheets: userSheetNames(named, r.state) });
    const unit = options.units.find((o) => o.label === "Ekonomiskt bistånd");
    const sheet = options.sheets.find((o) => o.label === "Ekonomiskt bistånd");
    expect(unit && sheet && unit.value !== sheet.value).toBe(true);
    const shown = (scope: string) =>
      unique(filterFindings(r.findings, { ...DEFAULT_FILTER, scope }, r.model).map((f) => f.sheet));
    expect(shown(sheet!.value)).toEqual(["Ekonomiskt bistånd"]);
    expect(shown(unit!.value)).toEqual(["Ekonomi"]);
    expect(scopeSheet("sheet:unit:aldreomsorg")).toBe("unit:aldreomsorg");
    expect(scopeSheet("sheet:")).toBe("");
    expect(scopeSheet("unit:sheet:Ekonomi")).toBeNull();
    expect(scopeSheet("goal:Äldreomsorg!A1")).toBeNull();
    expect(scopeSheet(null)).toBeNull();
  });
});

describe("hiddenCells: where a finding's cell is out of sight on a shown sheet", () => {
  const grid = (name: string, hidden: { hiddenRows?: number[]; hiddenColumns?: number[] }) => ({
    name,
    visibility: "visible" as const,
    originRow: 1,
    originCol: 1,
    values: [["Indikator", "Utfall", "Årsmål"]],
    ...hidden,
  });
  const of = hiddenCells({
    name: "t.xlsx",
    sheets: [grid("Mål", { hiddenRows: [4, 5], hiddenColumns: [3] }), grid("Budget", {})],
  });

  test("a hidden row, a hidden column, both, or neither", () => {
    expect(of("Mål", "A4")).toBe("row");
    expect(of("Mål", "C2")).toBe("column");
    expect(of("Mål", "C5")).toBe("both");
    expect(of("Mål", "B3")).toBeNull();
  });

  test("another sheet's, an unknown sheet's or an unreadable cell is not hidden", () => {
    expect(of("Budget", "A4")).toBeNull();
    expect(of("Okänt", "C5")).toBeNull();
    expect(of("Mål", "")).toBeNull();
    expect(hiddenCells(null)("Mål", "A4")).toBeNull();
  });
});
