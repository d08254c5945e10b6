/**
 * The playground's workbook: verbatim excerpts of the T2 2021 report (seed 002) from the test
 * fixtures, bundled as text at build time and laid out as a person pasting them into Excel would
 * get them: one line per row, one tab-separated field per column, from A1.
 */
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../engine/grid";
import kf11 from "../../tests/fixtures/seeds/002-t2-kf-1.1.txt";
import kf12 from "../../tests/fixtures/seeds/002-t2-kf-1.2.txt";
import kf13 from "../../tests/fixtures/seeds/002-t2-kf-1.3.txt";
import kf14 from "../../tests/fixtures/seeds/002-t2-kf-1.4.txt";
import nm142 from "../../tests/fixtures/seeds/002-t2-nm-1.4.2.txt";
import driftbudget from "../../tests/fixtures/seeds/002-t2-driftbudget.txt";
import resultatenheter from "../../tests/fixtures/seeds/002-t2-resultatenheter.txt";

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

export function sampleWorkbook(): WorkbookSnapshot {
  return {
    name: "Tertialrapport 2 2021 (utdrag).xlsx",
    sheets: [
      // The files 002-t2-kf-1.1 … nm-1.4.2 are contiguous seed lines 153–1052.
      sheetFromText("Uppföljning", kf11, kf12, kf13, kf14, nm142),
      sheetFromText("Ekonomi", driftbudget),
      sheetFromText("Resultatenheter", resultatenheter),
    ],
  };
}
