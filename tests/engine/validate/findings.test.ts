import { check } from "../../../src/engine";
import type { Finding } from "../../../src/engine/findings";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { snapshotOf, textToSheet } from "../../helpers/seedGrid";
import { checkSeed, seedAtLines } from "../../helpers/seedAtLines";
import { AREA_TABLE_WITH_VARAV } from "./areaTable";

const codes = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);

describe("real errors in the seeds are found", () => {
  test("002 line 279: the gender split 2,13 % vs 1,85 % / 1,96 %", () => {
    const r = checkSeed("002-t2-kf-1.1");
    expect(codes(r.findings, "gender-split-inconsistent")).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Uppföljning",
        cell: "B279",
        range: "B279:D279",
        goal: "Uppföljning!A159",
      }),
    ]);
  });
  test("002 line 595: 36,3 % = 2 % + 34,3 % is a split into parts, not a finding", () => {
    const r = checkSeed("002-t2-kf-1.3");
    expect(codes(r.findings, "gender-split-inconsistent").map((f) => f.cell)).not.toContain("B595");
  });
  test("003 line 1960: Intäkter written without its minus sign", () => {
    const r = checkSeed("003-vp-budget");
    expect(codes(r.findings, "budget-sign")).toEqual([
      expect.objectContaining({ severity: "error", cell: "F1960" }),
    ]);
    expect(codes(r.findings, "budget-netto-mismatch")).toEqual([
      expect.objectContaining({ severity: "error", cell: "F1961" }),
    ]);
  });
  test("000 line 185: placeholder XXXXX", () => {
    const r = checkSeed("000-vb-enhet-forskola");
    const found = codes(r.findings, "placeholder-text");
    expect(found).toEqual([
      expect.objectContaining({ severity: "warning", cell: "A185", goal: "Uppföljning!A167" }),
    ]);
    expect(found[0].message).toContain("XXXXX");
  });
  test("003 lines 1665 and 1669: the nämnd's Årsmål is less ambitious than KF:s", () => {
    const r = checkSeed("003-vp-kf-3.2-indikatorer");
    expect(codes(r.findings, "target-less-ambitious").map((f) => f.cell)).toEqual(["B1665", "B1669"]);
  });
  test("002 driftbudget: every Avvikelse, total and netto holds, so no budget arithmetic finding", () => {
    const r = check(snapshotOf(seedAtLines("002-t2-driftbudget", "Driftbudget")));
    const arithmetic = r.findings.filter(
      (f) => f.code.startsWith("budget-") && f.code !== "budget-deviation-large",
    );
    expect(arithmetic).toEqual([]);
  });
  test("002 investeringar and resultatenheter add up", () => {
    const r = check(
      snapshotOf(seedAtLines("002-t2-investeringar", "I"), seedAtLines("002-t2-resultatenheter", "R")),
    );
    expect(r.findings.filter((f) => /mismatch|sign/.test(f.code))).toEqual([]);
  });
});

function sheetOf(rows: CellValue[][], name = "Blad1"): SheetGrid {
  return { name, visibility: "visible", originRow: 1, originCol: 1, values: rows };
}

const HEADER = [
  "Indikator",
  "Periodens utfall",
  "Utfall män/ pojkar",
  "Utfall kvinnor/ flickor",
  "Periodens utfall VB 2020",
  "Prognos helår",
  "Årsmål",
  "KF:s årsmål",
  "Period",
];

describe("each model finding code, on seed-shaped rows", () => {
  test("value-unparseable: #REF! and junk in number cells", () => {
    const r = check(
      snapshotOf(
        sheetOf([
          HEADER,
          [
            "Antal aspiranter som fått Stockholmsjobb",
            "#REF!",
            null,
            null,
            "30 st",
            "44 st",
            "44 st",
            "800 st",
            "Tertial 2 2021",
          ],
          [
            "Andel vuxna med långvarigt ekonomiskt bistånd",
            "1,3 %",
            null,
            null,
            null,
            "ungefär",
            "bra",
            "1,0 %",
            "Tertial 2 2021",
          ],
        ]),
      ),
    );
    expect(codes(r.findings, "value-unparseable").map((f) => [f.cell, f.severity])).toEqual([
      ["B2", "error"],
      ["F3", "error"],
      ["G3", "error"],
    ]);
  });
  test("value-unparseable quotes a truth value as Excel shows it (SANT, TRUE), not as `true`", () => {
    const r = check(
      snapshotOf(
        sheetOf([
          HEADER,
          [
            "Antal aspiranter som fått Stockholmsjobb",
            true,
            null,
            null,
            30,
            false,
            44,
            800,
            "Tertial 2 2021",
          ],
        ]),
      ),
    );
    expect(
      codes(r.findings, "value-unparseable").map((f) => [
        f.cell,
        /”[^”]*”\.$/.exec(f.message)?.[0],
        /"[^"]*"\.$/.exec(f.messageEn)?.[0],
      ]),
    ).toEqual([
      ["B2", "”SANT”.", '"TRUE".'],
      ["F2", "”FALSKT”.", '"FALSE".'],
    ]);
  });
  test("value-unparseable in a budget table names the column (002 driftbudget with a junk Prognos)", () => {
    const sheet = seedAtLines("002-t2-driftbudget", "Driftbudget");
    const row = sheet.values[1926 - sheet.originRow];
    row[4] = "ca 2 450";
    const r = check(snapshotOf(sheet));
    expect(codes(r.findings, "value-unparseable")).toEqual([
      expect.objectContaining({ cell: "E1926", severity: "error" }),
    ]);
    expect(codes(r.findings, "value-unparseable")[0].message).toMatch(
      /^Prognos för ”Anslag för nämndens verksamhet/,
    );
  });
  test("unit-mismatch: % outcome against a target in st", () => {
    const r = check(
      snapshotOf(
        sheetOf([
          HEADER,
          ["Andel barn i förskola", "85 %", null, null, null, "86 %", "90 st", "90 %", "Tertial 2 2021"],
        ]),
      ),
    );
    expect(codes(r.findings, "unit-mismatch")).toEqual([
      expect.objectContaining({ cell: "G2", severity: "error" }),
    ]);
  });
  test("unit-mismatch: a rate (15,2 barn/avd.) against a count (15 barn) is an error, and not judged", () => {
    const r = check(
      snapshotOf(
        sheetOf([
          HEADER,
          [
            "Antal barn per grupp i förskolan",
            "15,2 barn/avd.",
            null,
            null,
            null,
            null,
            "15 barn",
            null,
            "Tertial 2 2021",
          ],
        ]),
      ),
    );
    expect(codes(r.findings, "unit-mismatch")).toEqual([expect.objectContaining({ cell: "G2" })]);
    // The check says the two cannot be compared: no status says they were (◆ Delvis uppfyllt).
    expect(r.model.indicators[0].status).toBe("unknown");
  });
  test.each([
    ["15,2 barn/avd.", "15 barn/avdelning"],
    ["160 kWh/m2", "140 kWh/m²"],
    ["12 500 kr/invånare", "12 000 kr per invånare"],
  ])("a rate spelt two ways (%s against %s) is one unit: no mismatch, and judged", (outcome, target) => {
    const r = check(
      snapshotOf(
        sheetOf([
          HEADER,
          [
            "Antal barn per grupp i förskolan",
            outcome,
            null,
            null,
            null,
            null,
            target,
            null,
            "Tertial 2 2021",
          ],
        ]),
      ),
    );
    expect(codes(r.findings, "unit-mismatch")).toEqual([]);
    expect(r.model.indicators[0].status).not.toBe("unknown");
  });
  test("a target written without its unit takes the row's unit: 66,67 against 70 % is no mismatch (002 line 894)", () => {
    const r = check(
      snapshotOf(
        sheetOf([
          HEADER,
          ["Andel elever", "66,67", null, null, null, null, "70 %", "Tas fram av nämnd", "Tertial 2 2021"],
        ]),
      ),
    );
    expect(codes(r.findings, "unit-mismatch")).toEqual([]);
    expect(r.model.indicators[0].unit).toBe("%");
  });
  test("target-missing: KF says 'Tas fram av nämnd' and the nämnd set none", () => {
    const r = check(
      snapshotOf(
        sheetOf([
          HEADER,
          [
            "Antal tillhandahållna platser för feriejobb",
            "446",
            null,
            null,
            "422",
            "500",
            "-",
            "Tas fram av nämnd",
            "Tertial 2 2021",
          ],
        ]),
      ),
    );
    expect(codes(r.findings, "target-missing")).toEqual([
      expect.objectContaining({ cell: "G2", severity: "warning" }),
    ]);
    expect(codes(r.findings, "target-missing")[0].message).toContain("Tas fram av nämnd");
  });
  test("target-missing on an empty Årsmål cell says the cell is empty, not that a target is unusable (the VB 2020 sample's G178)", () => {
    const name = "Andel brukare inom omsorgen för personer med funktionsnedsättning som upplever trygghet";
    const r = check(
      snapshotOf(sheetOf([HEADER, [name, "65 %", null, null, null, "92 %", null, "öka", "Tertial 2 2021"]])),
    );
    const [missing] = codes(r.findings, "target-missing");
    expect(missing).toEqual(expect.objectContaining({ cell: "G2", severity: "warning" }));
    expect(missing.message).toBe(`”${name}” saknar årsmål: cellen under Årsmål är tom.`);
    expect(missing.messageEn).toBe(`"${name}" has no annual target: its cell under Årsmål is empty.`);
  });
  test("target-missing in a table without an Årsmål column says so, on the indicator's name", () => {
    const withoutTarget = HEADER.filter((text) => text !== "Årsmål");
    const r = check(
      snapshotOf(
        sheetOf([
          withoutTarget,
          ["Andel brukare", "65 %", null, null, null, "92 %", "öka", "Tertial 2 2021"],
        ]),
      ),
    );
    const [missing] = codes(r.findings, "target-missing");
    expect(missing.cell).toBe("A2");
    // Where to say which column holds the target, when one does (the IFO walk's `Mål 2021`, before it was read).
    expect(missing.message).toBe(
      "”Andel brukare” saknar årsmål: tabellen har ingen kolumn Årsmål (står målet i en kolumn som inte läses, ange dess roll under Läs in → Rätta tolkning).",
    );
  });
  test("duplicate-indicator under the same goal", () => {
    const r = check(
      snapshotOf(
        sheetOf([
          ["Nämndmål: 1.1.1 Invånare försörjer sig själva"],
          HEADER,
          [
            "Antal aspiranter som fått Stockholmsjobb",
            "21 st",
            null,
            null,
            null,
            "44 st",
            "44 st",
            "800 st",
            "Tertial 2 2021",
          ],
          [
            "Antal aspiranter som fått Stockholmsjobb ",
            "21 st",
            null,
            null,
            null,
            "44 st",
            "44 st",
            "800 st",
            "Tertial 2 2021",
          ],
        ]),
      ),
    );
    expect(codes(r.findings, "duplicate-indicator")).toEqual([
      expect.objectContaining({ cell: "A4", goal: "Blad1!A1" }),
    ]);
  });
  test("activity-dates: end before start, and an unreadable date", () => {
    const r = check(
      snapshotOf(
        sheetOf([
          ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"],
          ["Utveckla arbetssätt för samhällsvägledning", "2021-12-31", "2021-01-01", null],
          ["Revidera riktlinjerna", "2021-13-01", "2021-12-31", null],
        ]),
      ),
    );
    expect(codes(r.findings, "activity-dates").map((f) => [f.cell, f.range ?? null])).toEqual([
      ["C2", "B2:C2"],
      ["B3", null],
    ]);
  });
  test("header-unrecognized: a block that looks like a table but can't be mapped", () => {
    const r = check(
      snapshotOf(
        sheetOf([
          ["Indikator", "Utfall enligt enkät", "Målvärde enligt plan", "Prognos för nästa år?"],
          ["Andel nöjda", "80", "85", "82"],
        ]),
      ),
    );
    expect(codes(r.findings, "header-unrecognized")).toEqual([
      expect.objectContaining({ cell: "A1", range: "A1:D1", severity: "warning" }),
    ]);
    expect(r.model.indicators).toEqual([]);
  });
  test("budget-deviation-mismatch and budget-total-mismatch (varav rows not counted)", () => {
    const text = AREA_TABLE_WITH_VARAV;
    const r = check(snapshotOf(textToSheet("Driftbudget", text)));
    expect(codes(r.findings, "budget-deviation-mismatch").map((f) => f.cell)).toEqual(["F3"]);
    expect(codes(r.findings, "budget-total-mismatch").map((f) => f.cell)).toEqual(["B5", "F5"]);
  });
  describe("a unit's result table: Intäkter (negative), its cost rows, Summa", () => {
    const table = (summa: string, income = "-12 500") =>
      [
        "Tkr\tBudget\tUtfall jan–aug\tPrognos helår\tAvvikelse",
        `Intäkter\t${income}\t-8 040\t-12 100\t-400`,
        "Personalkostnader\t38 400\t25 900\t39 250\t-850",
        "Lokalkostnader\t6 100\t4 070\t6 100\t0",
        "Övriga kostnader\t2 300\t1 410\t2 200\t100",
        `${summa}\t34 300\t23 340\t35 450\t-1 150`,
      ].join("\n");
    const totals = (text: string) =>
      codes(check(snapshotOf(textToSheet("Ekonomi", text))).findings, "budget-total-mismatch");

    test.each(["Summa", "Totalt"])("the income row is added: %s adds up, no finding", (summa) => {
      expect(totals(table(summa))).toEqual([]);
    });

    test("a Summa off by a typo is still a finding, with the sum of every row", () => {
      const found = totals(table("Summa").replace("34 300", "35 300"));
      expect(found.map((f) => f.cell)).toEqual(["B6"]);
      expect(found[0].message).toMatch(/35\s300 tkr är inte summan av raderna ovan, 34\s300 tkr/);
    });

    test("a Summa that adds a negative income as if positive (59 300) is the sign error it is", () => {
      const found = totals(table("Summa").replace("34 300", "59 300"));
      expect(found.map((f) => f.cell)).toEqual(["B6"]);
    });

    test("a total of the cost rows alone (the income row above it not added) is no finding", () => {
      expect(totals(table("Summa").replace("34 300", "46 800"))).toEqual([]);
    });

    test("income written positive and taken off (Intäkter 12 500) is no finding either", () => {
      const positive = table("Summa", "12 500").replace("-8 040\t-12 100\t-400", "8 040\t12 100\t400");
      expect(totals(positive)).toEqual([]);
    });
  });

  describe("a VB result table: Intäkter, cost rows, Summa kostnader, Netto (a review's workbook from 004's unit)", () => {
    const table = (other: string) =>
      [
        "Tkr\tBudget 2020\tUtfall 2020\tAvvikelse\tKommentar",
        "Intäkter\t-1 850\t-1 962\t112\tförsäljning Liljans butik",
        "Personalkostnader\t21 430\t20 912\t518\tvakanser under pandemin",
        "Lokalkostnader\t3 210\t3 275\t-65\t",
        `Övriga kostnader\t1 640\t1 398\t${other}\t`,
        "Summa kostnader\t26 280\t25 585\t695\t",
        "Netto\t24 430\t23 623\t807\t",
      ].join("\n");
    const findings = (text: string) =>
      check(snapshotOf(textToSheet("Ekonomi", text)), { period: { kind: "VB", year: 2020 } }).findings;

    test("Summa kostnader adds the cost rows, not the Intäkter above them", () => {
      expect(codes(findings(table("242")), "budget-total-mismatch")).toEqual([]);
    });

    test("a typo in a cost row's Avvikelse: the total says to correct that cell first, and that it then adds up", () => {
      const found = findings(table("224"));
      expect(codes(found, "budget-deviation-mismatch").map((f) => f.cell)).toEqual(["D5"]);
      const total = codes(found, "budget-total-mismatch");
      expect(total.map((f) => f.cell)).toEqual(["D6"]);
      expect(total[0].message).toBe(
        "”Summa kostnader” (Avvikelse): 695 tkr är inte summan av raderna ovan, 677 tkr. ”Övriga kostnader” i D5 stämmer inte heller med sin budget och sitt utfall, som ger 242 tkr: rätta den först; då blir summan 695 tkr, samma som ”Summa kostnader”.",
      );
      expect(total[0].messageEn).toContain(
        '"Övriga kostnader" in D5 does not match its own budget and outcome either',
      );
    });

    test.each(["Summa nettokostnader", "Summa intäkter och kostnader"])(
      "a total that names more than its costs (%s) may add the Intäkter row: no finding (the review's regression)",
      (label) => {
        const text = table("242").replace(
          "Summa kostnader\t26 280\t25 585\t695",
          `${label}\t24 430\t23 623\t807`,
        );
        expect(codes(findings(text), "budget-total-mismatch")).toEqual([]);
      },
    );

    test("corrected, Summa kostnader is explained by Personalkostnader (commented), and asks for nothing", () => {
      const found = findings(table("242"));
      expect(codes(found, "analysis-missing").map((f) => f.cell)).not.toContain("E6");
    });
  });

  describe("a Totalt under each avdelning's Summa and loose rows", () => {
    const table = (budget: string) =>
      [
        "Mnkr\tBudget 2021\tBegärda budgetjusteringar\tPrognos 2021 (före resultatöverföringar)\tPrognos 2021 (efter resultatöverföringar)\tAvvikelse",
        "Avdelning Nord\t\t\t\t\t",
        "Äldreomsorg\t100,0\t0,0\t98,0\t98,0\t2,0",
        "Förskola\t200,0\t0,0\t195,0\t195,0\t5,0",
        "Summa Avdelning Nord\t300,0\t0,0\t293,0\t293,0\t7,0",
        "Avdelning Syd\t\t\t\t\t",
        "Äldreomsorg\t110,0\t0,0\t120,0\t120,0\t-10,0",
        "Förskola\t210,0\t0,0\t205,0\t206,0\t4,0",
        "Summa Avdelning Syd\t320,0\t0,0\t325,0\t326,0\t-6,0",
        "Nämnd och administration\t50,0\t0,0\t45,0\t45,0\t5,0",
        "Äldreomsorg\t10,0\t0,0\t12,0\t12,0\t-2,0",
        `Totalt\t${budget}\t0,0\t675,0\t676,0\t4,0`,
      ].join("\n");
    const totals = (text: string) =>
      codes(check(snapshotOf(textToSheet("Driftbudget", text))).findings, "budget-total-mismatch");

    test("adds the sub-totals and the rows after the last: no finding (four false errors before)", () => {
      expect(totals(table("680,0"))).toEqual([]);
    });

    test("a Totalt that is neither that sum nor all the rows' is still a finding", () => {
      expect(totals(table("690,0")).map((f) => f.cell)).toEqual(["B12"]);
    });
  });

  test("rounding is not a finding: the 002 Totalt is 0,1 off the sum of its rounded rows", () => {
    const r = check(snapshotOf(seedAtLines("002-t2-driftbudget", "Driftbudget")));
    const total = r.model.budget.find((b) => b.tableType === "driftbudget-omrade" && b.kind === "total")!;
    const rows = r.model.budget.filter((b) => b.tableType === "driftbudget-omrade" && b.kind === "row");
    expect(Math.abs(rows.reduce((a, b) => a + b.budget!, 0) - total.budget!)).toBeCloseTo(0.1, 5);
    expect(codes(r.findings, "budget-total-mismatch")).toEqual([]);
  });
});

describe("bad input gives findings, never an exception", () => {
  test.each([
    ["empty workbook", []],
    ["empty sheet", [sheetOf([])]],
    [
      "junk cells",
      [
        sheetOf([
          [1, true, "#N/A"],
          ["Indikator", "Årsmål"],
          [null, "=SUM(A1)"],
          ["@x", "+46", "-", "Periodens utfall"],
        ]),
      ],
    ],
    [
      "a 40 000-character cell",
      [
        sheetOf([
          ["x".repeat(40000)],
          HEADER,
          ["Andel", "y".repeat(40000), null, null, null, null, "1 %", null, "Tertial 2 2021"],
        ]),
      ],
    ],
    [
      "a header with merged-away cells",
      [
        {
          ...sheetOf([
            ["Indikator", null, "Årsmål", null],
            ["Andel", "3 %", "4 %", null],
          ]),
          merges: ["A1:B1"],
        },
      ],
    ],
    ["a hidden sheet", [{ ...seedAtLines("002-t2-kf-1.1"), visibility: "hidden" as const }]],
  ])("%s", (_label, sheets) => {
    const r = check({ name: "x.xlsx", sheets: sheets as SheetGrid[] });
    for (const f of r.findings) {
      expect(f.sheet).toEqual(expect.any(String));
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
    }
  });
  test("no period anywhere gives period-unknown at A1 of the first sheet", () => {
    const r = check(
      snapshotOf(
        sheetOf(
          [
            ["Aktivitet", "Startdatum", "Slutdatum"],
            ["X", "2021-01-01", "2021-12-31"],
          ],
          "Första",
        ),
      ),
    );
    expect(r.model.period).toEqual({ kind: null, year: null, source: "none" });
    expect(codes(r.findings, "period-unknown")).toEqual([
      expect.objectContaining({ sheet: "Första", cell: "A1" }),
    ]);
  });
  test("--period wins over the cells", () => {
    const r = checkSeed("002-t2-kf-1.1", { period: { kind: "VB", year: 2021 } });
    // ... and keeps what the cells say (002's `Tertial 2 2021`), for the user to be told.
    expect(r.model.period).toEqual({
      kind: "VB",
      year: 2021,
      source: "flag",
      stated: { kind: "T2", year: 2021 },
    });
  });
});

describe("period choice", () => {
  const periods = (...texts: string[]) =>
    snapshotOf(
      sheetOf([
        HEADER,
        ...texts.map((t, i) => [`Indikator ${i}`, "1 %", null, null, null, null, "1 %", null, t]),
      ]),
    );
  test("the latest named period wins: VB > T2 > T1 within a year, later years first", () => {
    expect(check(periods("Tertial 1 2021", "VB 2020", "Tertial 2 2021")).model.period).toEqual({
      kind: "T2",
      year: 2021,
      source: "cell",
    });
  });
  test("a year alone picks the latest period of that year", () => {
    expect(
      check(periods("Tertial 1 2021", "VB 2020", "Tertial 2 2021"), { year: 2020 }).model.period,
    ).toEqual({ kind: "VB", year: 2020, source: "cell" });
  });
});
