/**
 * The playground's workbooks: verbatim excerpts of the seed reports (tests/fixtures/seeds), bundled
 * as text at build time and laid out as a person pasting them into Excel would get them: one line
 * per row, one tab-separated field per column, from A1. Chosen with `?bok=<key>`.
 */
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../engine/grid";
import kf11 from "../../tests/fixtures/seeds/002-t2-kf-1.1.txt";
import kf12 from "../../tests/fixtures/seeds/002-t2-kf-1.2.txt";
import kf13 from "../../tests/fixtures/seeds/002-t2-kf-1.3.txt";
import kf14 from "../../tests/fixtures/seeds/002-t2-kf-1.4.txt";
import nm142 from "../../tests/fixtures/seeds/002-t2-nm-1.4.2.txt";
import driftbudget from "../../tests/fixtures/seeds/002-t2-driftbudget.txt";
import resultatenheter from "../../tests/fixtures/seeds/002-t2-resultatenheter.txt";
import forskola from "../../tests/fixtures/seeds/000-vb-enhet-forskola.txt";
import miljo from "../../tests/fixtures/seeds/000-vb-enhet-miljo-ekonomi.txt";
import vbRubrik from "../../tests/fixtures/seeds/004-vb-kf-1.1-tvaradsrubrik.txt";
import vbSjuk from "../../tests/fixtures/seeds/004-vb-kf-3.2-sjukfranvaro.txt";
import vpKf11 from "../../tests/fixtures/seeds/003-vp-kf-1.1.txt";
import vpBudget from "../../tests/fixtures/seeds/003-vp-budget.txt";
import huvudbok from "../../tests/fixtures/pane/huvudbok.txt";

const lines = (text: string): string[] => {
  const all = text.split(/\r?\n/).filter((line) => !line.startsWith("# source:"));
  if (all.length > 0 && all[all.length - 1] === "") all.pop();
  return all;
};

export function sheetFromText(name: string, ...texts: string[]): SheetGrid {
  const values: CellValue[][] = texts
    .flatMap(lines)
    .map((line) => (line === "" ? [] : line.split("\t").map((cell) => (cell === "" ? null : cell))));
  return { name, visibility: "visible", originRow: 1, originCol: 1, values };
}

export const WORKBOOKS = {
  /** A nämnd's Tertialrapport 2 2021 (002): the default. */
  t2: () => ({
    name: "Tertialrapport 2 2021 (utdrag).xlsx",
    // The files 002-t2-kf-1.1 … nm-1.4.2 are contiguous seed lines 153–1052.
    sheets: [
      sheetFromText("Uppföljning", kf11, kf12, kf13, kf14, nm142),
      sheetFromText("Ekonomi", driftbudget),
      sheetFromText("Resultatenheter", resultatenheter),
    ],
  }),
  /** A daily-activities unit's Verksamhetsberättelse 2020 (004): a unit manager's workbook. */
  enhet: () => ({
    name: "Verksamhetsberättelse 2020 enhet (utdrag).xlsx",
    sheets: [sheetFromText("Mål och indikatorer", vbRubrik), sheetFromText("Medarbetare", vbSjuk)],
  }),
  /** A förskola unit's Verksamhetsberättelse 2021 (000): no Period cell anywhere. */
  "enhet-utan-period": () => ({
    name: "Verksamhetsberättelse 2021 förskola (utdrag).xlsx",
    sheets: [sheetFromText("Förskola", forskola), sheetFromText("Miljö och ekonomi", miljo)],
  }),
  /** A nämnd's Verksamhetsplan 2022 (003). */
  plan: () => ({
    name: "Verksamhetsplan 2022 (utdrag).xlsx",
    sheets: [sheetFromText("Mål", vpKf11), sheetFromText("Budget", vpBudget)],
  }),
  /** A ledger extract: nothing Målkoll knows (tests/fixtures/pane/README.md). */
  huvudbok: () => ({ name: "Huvudbok augusti.xlsx", sheets: [sheetFromText("Huvudbok", huvudbok)] }),
} satisfies Record<string, () => WorkbookSnapshot>;

export type WorkbookKey = keyof typeof WORKBOOKS;

export function workbookFor(key: string | null): WorkbookSnapshot {
  return key && key in WORKBOOKS ? WORKBOOKS[key as WorkbookKey]() : WORKBOOKS.t2();
}
