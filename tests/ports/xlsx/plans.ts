import type { CellValue } from "../../../src/engine/grid";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import type { WritePlan } from "../../../src/ports/port";

/** Hand-made specs standing in for the report stage. */
export function indicatorSpec(): SheetSpec {
  const header = (value: string): OutCell => ({ value, style: "header" });
  return {
    key: "indikatorer",
    rows: [
      [{ value: "Målkoll Indikatorer – T2 2021", style: "title" }],
      [{ value: "Källa: Uppföljning", style: "note" }],
      [header("Indikator"), header("Utfall"), header("Årsmål"), header("Status")],
      [
        { value: "Andel nöjda", link: { sheet: "Uppföljning", cell: "A2" } },
        { value: 0.041, format: "0.0 %", formula: "'Uppföljning'!B2" },
        { value: 0.05, format: "0.0 %" },
        { value: "✗ Ej uppfyllt", tone: "bad" },
      ],
      [
        { value: "Antal besök", link: { sheet: "Uppföljning", cell: "A3" } },
        { value: 1234.5, format: "#,##0.0", formula: "'Uppföljning'!B3" },
        { value: "=1+1", style: "normal" },
        { value: "✓ Uppfyllt", tone: "good" },
      ],
      [
        { value: "Summa", style: "total" },
        { value: 1234.541, format: "#,##0.0", formula: "SUM(B4:B5)", style: "total" },
        { value: "+46 8 508 000 00" },
        { value: "-", tone: "neutral" },
      ],
      [
        { value: "varav del", style: "varav" },
        { value: 3 },
        { value: '@hemma <&> "citat" \u0001ok' },
        { value: "~ Delvis", tone: "partial", wrap: true },
      ],
    ],
    columnWidths: [40, 12, 14, 18],
    merges: ["A1:D1"],
    freezeRows: 3,
    charts: [
      {
        title: "Utfall per indikator",
        kind: "bar",
        categories: "A4:A5",
        series: [{ name: "Utfall", values: "B4:B5" }],
        anchor: { cell: "F3", widthCols: 6, heightRows: 12 },
      },
    ],
  };
}

export function budgetSpec(): SheetSpec {
  return {
    key: "driftbudget",
    rows: [
      [{ value: "Målkoll Driftbudget", style: "title" }],
      [
        { value: "Post", style: "header" },
        { value: "Budget", style: "header" },
        { value: "Prognos", style: "header" },
      ],
      [{ value: "Kostnader" }, { value: -120.5, format: "#,##0.0" }, { value: -118.2, format: "#,##0.0" }],
      [{ value: "Intäkter" }, { value: 20.1, format: "#,##0.0" }, { value: 19.9, format: "#,##0.0" }],
      [
        { value: "Netto", style: "total" },
        { value: -100.4, format: "#,##0.0", formula: "B3+B4", style: "total" },
        { value: -98.3, format: "#,##0.0", formula: "C3+C4", style: "total" },
      ],
    ],
    columnWidths: [30, 12, 12],
    charts: [
      {
        title: "Budget och prognos",
        kind: "stackedBar",
        categories: "A3:A4",
        series: [
          { name: "Budget", values: "B3:B4" },
          { name: "Prognos", values: "C3:C4" },
        ],
        anchor: { cell: "E2", widthCols: 6, heightRows: 10 },
      },
    ],
  };
}

export function stateRows(runAt: string): CellValue[][] {
  return [
    ["malkoll", 1, "Målkolls tillstånd – ändra inte / Målkoll state – do not edit"],
    ["owned", "indikatorer", "Målkoll Indikatorer", "abc123"],
    ["owned", "driftbudget", "Målkoll Driftbudget", "def456"],
    ["setting", "budgetThreshold", 0.05],
    ["flag", "Uppföljning", "B2,C3"],
    ["log", runAt, "T2 2021", 1, 2, 0, "=cafe", "cli"],
  ];
}

export function richPlan(replaces: boolean, runAt = "2021-09-01T10:00:00Z"): WritePlan {
  return {
    renames: [],
    sheets: [
      { spec: indicatorSpec(), name: "Målkoll Indikatorer", replaces },
      { spec: budgetSpec(), name: "Målkoll Driftbudget", replaces },
    ],
    flags: [
      { sheet: "Uppföljning", cell: "B2", severity: "error", message: "Utfall och mål i olika enheter" },
      { sheet: "Uppföljning", cell: "C3", severity: "warning", message: "Värdet kan inte läsas" },
    ],
    clearFlags: replaces ? [{ sheet: "Uppföljning", ranges: "B2,C3" }] : [],
    state: stateRows(runAt),
    findings: [],
  };
}
