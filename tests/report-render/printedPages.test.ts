import { execFileSync } from "child_process";
import { mkdirSync, rmSync } from "fs";
import * as path from "path";
import { runGenerate } from "../../src/app/run";
import type { CheckOptions } from "../../src/engine";
import type { SheetSpec } from "../../src/engine/report/spec";
import { XlsxPort } from "../../src/ports/xlsx";
import { convertWithLibreOffice, libreOfficeAvailableOrSkip } from "../helpers/libreoffice";
import type { Calibration, Page } from "./pdfPages";
import { calibrate, footerSheet, pageToPng, pdfPages, printedPoints, visualLines } from "./pdfPages";
import { pageBreakProblems, placeRows } from "./printedLayout";
import { hasProgram } from "./render";
import { recordToolSkip } from "../helpers/toolSkips";

/**
 * What `generate` writes, printed as its user prints it: LibreOffice opens the whole output
 * (recalculating every formula), exports it to PDF, and the generated sheets' pages are read back
 * from the word boxes. The user's own sheets print first and are not judged. The pages are kept as
 * PNG in artifacts/report-render/pages/ to look at.
 */

const root = path.join(__dirname, "..", "..");
const outDir = path.join(root, "artifacts", "report-render", "pages");

const run = libreOfficeAvailableOrSkip();
const poppler = hasProgram("pdftotext") && hasProgram("pdftoppm");
if (run && !poppler) {
  if (process.env.CI === "true") throw new Error("poppler-utils (pdftoppm, pdftotext) saknas");
  recordToolSkip();
  console.warn(
    "poppler-utils saknas – installera: apt-get install poppler-utils; utskriftstestet hoppas över",
  );
}

const LABELS = ["demo", "plan", "unit", "foreign", "libreoffice"];

/** The page's right margin (0,5 in): nothing of a generated sheet prints beyond it. */
const RIGHT_MARGIN_POINTS = 36;

interface Printed {
  specs: { name: string; spec: SheetSpec }[];
  /** Pages of each generated sheet, by sheet name. */
  pages: Map<string, Page[]>;
}

async function printed(label: string, port: XlsxPort, options: CheckOptions): Promise<Printed> {
  const generated = await runGenerate(port, {
    ...options,
    host: "cli",
    now: new Date("2021-09-15T10:00:00Z"),
  });
  const file = path.join(outDir, `${label}.xlsx`);
  await port.saveAs(file);
  const pdf = convertWithLibreOffice(file, "pdf", { outDir }).files[0];
  const specs = generated.plan.sheets.map((s) => ({ name: s.name, spec: s.spec }));
  const names = specs.map((s) => s.name);
  const pages = new Map<string, Page[]>();
  for (const page of pdfPages(pdf)) {
    const sheet = footerSheet(page, names);
    if (!sheet) continue;
    pages.set(sheet, [...(pages.get(sheet) ?? []), page]);
    const key = specs.find((s) => s.name === sheet)!.spec.key;
    pageToPng(pdf, page.number, path.join(outDir, `${label}-${key}-${page.number}`), 60);
  }
  return { specs, pages };
}

/** Carlito has Calibri's metrics; without it LibreOffice prints wider text than the layout planned. */
const carlito = hasProgram("fc-list") && /carlito/i.test(execFileSync("fc-list", { encoding: "utf8" }));
if (run && poppler && !carlito) {
  if (process.env.CI === "true") throw new Error("fonts-crosextra-carlito saknas");
  recordToolSkip();
  console.warn(
    "Typsnittet Carlito saknas – installera: apt-get install fonts-crosextra-carlito; utskriftstestet hoppas över",
  );
}

(run && poppler && carlito ? describe : describe.skip)(
  "printed pages of the generated sheets (LibreOffice → PDF)",
  () => {
    let calibration: Calibration;
    const cases = new Map<string, Printed>();

    beforeAll(async () => {
      rmSync(outDir, { recursive: true, force: true });
      mkdirSync(outDir, { recursive: true });
      calibration = await calibrate(path.join(outDir, "kalibrering"));
      cases.set(
        "demo",
        await printed("demo", await XlsxPort.open(path.join(root, "samples", "malkoll-exempel.xlsx")), {}),
      );
      cases.set(
        "plan",
        await printed(
          "plan",
          await XlsxPort.open(path.join(root, "samples", "plan", "hagersten-alvsjo-vp-2022.xlsx")),
          {
            period: { kind: "VP", year: null },
          },
        ),
      );
      // A unit's VB: its goal sheet's name has a space (`VB 2020!A40`), which Källa's links carry.
      cases.set(
        "unit",
        await printed(
          "unit",
          await XlsxPort.open(
            path.join(root, "samples", "enheter", "liljeholmens-dagliga-verksamhet-vb-2020.xlsx"),
          ),
          {},
        ),
      );
      // One indicator table that fits a page, but not the rest of the one under the sheet's title.
      cases.set(
        "foreign",
        await printed(
          "foreign",
          await XlsxPort.open(path.join(root, "tests", "fixtures", "foreign", "excel-shaped.xlsx")),
          {},
        ),
      );
      // Many goals, each with a table: one of them once left its last row alone on a page (page 9).
      cases.set(
        "libreoffice",
        await printed(
          "libreoffice",
          await XlsxPort.open(path.join(root, "tests", "fixtures", "foreign", "libreoffice.xlsx")),
          {},
        ),
      );
    }, 600000);

    test("the calibration boxes scale with the font size (9 pt is 9/8 of 8 pt)", () => {
      expect(calibration.boxAt8).toBeGreaterThan(5);
      expect(calibration.boxAt9 / calibration.boxAt8).toBeCloseTo(9 / 8, 1);
    });

    test.each(LABELS)("%s: every generated sheet prints, each on its own pages", (label) => {
      const { specs, pages } = cases.get(label)!;
      for (const { name } of specs) expect([name, (pages.get(name) ?? []).length > 0]).toEqual([name, true]);
    });

    test.each(LABELS)("%s: no word on a generated page is smaller than 8 pt", (label) => {
      const { pages } = cases.get(label)!;
      const small: string[] = [];
      let words = 0;
      for (const [sheet, list] of pages)
        for (const page of list)
          for (const word of page.words) {
            words++;
            const points = printedPoints(word, calibration);
            if (points < 7.9)
              small.push(`${sheet} s. ${page.number}: "${word.text}" ${points.toFixed(1)} pt`);
          }
      expect(words).toBeGreaterThan(300);
      expect(small).toEqual([]);
    });

    test.each(LABELS)(
      "%s: every row is printed; each page with a table's rows has its header row; no page ends with a heading or header row",
      (label) => {
        const { specs, pages } = cases.get(label)!;
        for (const { name, spec } of specs) {
          const placement = placeRows(spec, pages.get(name) ?? []);
          expect([name, placement.missing]).toEqual([name, []]);
          expect([name, pageBreakProblems(spec, placement)]).toEqual([name, []]);
        }
      },
    );

    test.each(LABELS)(
      "%s: nothing on a generated page runs past its right margin (Källa's links whole)",
      (label) => {
        const { pages } = cases.get(label)!;
        const past: string[] = [];
        for (const [sheet, list] of pages)
          for (const page of list)
            for (const word of page.words)
              if (word.xMax > page.width - RIGHT_MARGIN_POINTS + 0.5)
                past.push(`${sheet} s. ${page.number}: "${word.text}" to ${word.xMax.toFixed(1)} pt`);
        expect(past).toEqual([]);
      },
    );

    test("the sheet's title never stands alone: the foreign workbook's one indicator table starts under it", () => {
      const { specs, pages } = cases.get("foreign")!;
      const indicators = specs.find((s) => s.spec.key === "indikatorer")!;
      const first = pages.get(indicators.name)![0];
      const lines = visualLines(first.words).map((line) => line.text);
      expect(lines.some((line) => line.startsWith("Indikatorer som inte står under något mål"))).toBe(true);
      expect(lines.some((line) => line.startsWith("Andel barn som lever"))).toBe(true);
    });

    test("the demo's Driftbudget prints its Resultatenheter table whole on one page, under its header, within the margins", () => {
      const { specs, pages } = cases.get("demo")!;
      const budget = specs.find((s) => s.spec.key === "driftbudget")!;
      const printed = pages.get(budget.name)!.map((page) => visualLines(page.words).map((line) => line.text));
      const page = printed.find((lines) => lines.some((line) => line.startsWith("Summa resultatenheter")))!;
      expect(page).toBeDefined();
      for (const start of ["Resultatenheter", "Resultatenhetens namn", "Socialpsykiatri", "Förskolor"])
        expect([start, page.some((line) => line.startsWith(start))]).toEqual([start, true]);
      // The last column's figures: the carry-over to 2022, as the source signs it.
      expect(page.some((line) => line.startsWith("Summa resultatenheter") && line.endsWith("89 057"))).toBe(
        true,
      );
    });

    test("the demo's Driftbudget prints the city's two tables on its first page, their headers four lines deep, and Resultatenheter with Budgetindikatorer on the next", () => {
      const { specs, pages } = cases.get("demo")!;
      const budget = specs.find((s) => s.spec.key === "driftbudget")!;
      const [first, second] = pages
        .get(budget.name)!
        .map((page) => visualLines(page.words).map((line) => line.text));
      const starts = (lines: string[], start: string): number =>
        lines.findIndex((line) => line.startsWith(start));
      for (const heading of ["Driftbudget, hela nämnden", "Driftbudget per verksamhetsområde"]) {
        const at = starts(first, heading);
        // The header's lines, the last one starting with Mnkr.
        const depth = first.slice(at + 1).findIndex((line) => line.startsWith("Mnkr")) + 1;
        expect([heading, at >= 0, depth >= 1 && depth <= 4]).toEqual([heading, true, true]);
      }
      expect(starts(first, "Totalt")).toBeGreaterThan(0);
      for (const start of ["Resultatenheter", "Summa resultatenheter", "Budgetindikatorer"])
        expect([start, starts(second, start) >= 0]).toEqual([start, true]);
    });

    test("the demo's long sheets break into pages, and long tables repeat their header row", () => {
      const { specs, pages } = cases.get("demo")!;
      const indicators = specs.find((s) => s.spec.key === "indikatorer")!;
      expect(pages.get(indicators.name)!.length).toBeGreaterThan(3);
      expect(indicators.spec.pageBreaks!.length).toBe(pages.get(indicators.name)!.length - 1);
      const deviations = specs.find((s) => s.spec.key === "avvikelser")!;
      // One table: its header row is the print title on every page.
      expect(deviations.spec.freezeRows).toBe(deviations.spec.tables![0].header);
      expect(pages.get(deviations.name)!.length).toBeGreaterThan(2);
    });
  },
);
