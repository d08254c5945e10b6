/**
 * `npm run docs:images`: the pictures in the README, made from what Målkoll writes. Runs a list of
 * steps; each writes PNG files into docs/images/ and returns them. To add pictures, add a step to
 * STEPS. The task pane step photographs the playground in Chromium (scripts/docs-images-pane.ts).
 *
 * The report step runs `generate` on a bundled sample, prints the result with LibreOffice
 * (recalculating every formula, sv-SE, a throwaway profile) and keeps the first page of each
 * generated sheet. Needs LibreOffice and poppler-utils (`pdftoppm`, `pdftotext`).
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runGenerate } from "../src/app/run";
import { runRollup } from "../src/app/rollup";
import type { CheckOptions } from "../src/engine";
import { XlsxPort } from "../src/ports/xlsx";
import { convertWithLibreOffice, LIBREOFFICE_MISSING, sofficeBinary } from "../tests/helpers/libreoffice";
import { repoRoot } from "../tests/helpers/seedGrid";
import { footerSheet, pageToPng, pdfPages, visualLines } from "../tests/report-render/pdfPages";
import { onlySheetPrinted } from "../tests/report-render/render";
import { paneImages } from "./docs-images-pane";

export interface StepContext {
  root: string;
  /** Where the pictures go (docs/images). */
  imagesDir: string;
  /** A scratch folder, removed afterwards. */
  workDir: string;
}

export interface Step {
  name: string;
  run(ctx: StepContext): Promise<string[]>;
}

/** The date the pictures are made on, so that making them again changes nothing that did not change. */
const PICTURE_DATE = new Date("2021-09-15T10:00:00Z");

/** Resolution of the page pictures: a readable A4 page at about 900 px wide. */
const DPI = 75;

/**
 * The first printed page of each sheet `generate` writes for `sample` (or of the sheets `keys`
 * names), as `<prefix>-<sheet key>.png`.
 */
function reportPages(sample: string, options: CheckOptions, prefix: string, keys?: string[]): Step {
  return {
    name: `utskrivna sidor: ${sample}`,
    async run({ root, imagesDir, workDir }) {
      if (!sofficeBinary()) throw new Error(LIBREOFFICE_MISSING);
      requireProgram("pdftoppm", "apt-get install poppler-utils");
      requireProgram("pdftotext", "apt-get install poppler-utils");
      const port = await XlsxPort.open(path.join(root, sample));
      const { plan } = await runGenerate(port, {
        ...options,
        host: "cli",
        now: PICTURE_DATE,
      });
      const out = path.join(workDir, `${prefix}.xlsx`);
      await port.saveAs(out);
      const pdf = convertWithLibreOffice(out, "pdf", { outDir: workDir }).files[0];
      const written: string[] = [];
      const done = new Set<string>();
      const names = plan.sheets.map((s) => s.name);
      for (const page of pdfPages(pdf)) {
        const sheet = plan.sheets.find((s) => s.name === footerSheet(page, names));
        if (!sheet || done.has(sheet.name) || (keys && !keys.includes(sheet.spec.key))) continue;
        done.add(sheet.name);
        written.push(pageToPng(pdf, page.number, path.join(imagesDir, `${prefix}-${sheet.spec.key}`), DPI));
      }
      return written;
    },
  };
}

const ROLLUP_DPI = 110;

/** The first page of `rollup`'s Enheter sheet, from the README's own command, as `rollup-enheter.png`. */
function rollupPage(sample: string, units: string): Step {
  return {
    name: `rollup: ${sample} ${units}`,
    async run({ root, imagesDir, workDir }) {
      if (!sofficeBinary()) throw new Error(LIBREOFFICE_MISSING);
      requireProgram("pdftoppm", "apt-get install poppler-utils");
      requireProgram("pdftotext", "apt-get install poppler-utils");
      const out = path.join(workDir, "sammanstallning.xlsx");
      // The command's own run, dated as the report pictures are, so that the picture is made again alike.
      await runRollup([path.join(root, sample), path.join(root, units)], { output: out, now: PICTURE_DATE });
      const enheter = path.join(workDir, "rollup-enheter.xlsx");
      writeFileSync(enheter, await onlySheetPrinted(readFileSync(out), "Enheter"));
      const pdf = convertWithLibreOffice(enheter, "pdf", { outDir: workDir }).files[0];
      // A landscape page of 23 columns, readable at a finer resolution than the portrait reports,
      // cut below the table, above the footer (`Enheter … Sida 1 av 1`): a few units leave most of
      // the page blank. Without the footer found, the whole page.
      const [page] = pdfPages(pdf);
      const lines = visualLines(page.words);
      const footer = lines.length > 1 && /Sida \d+ av \d+$/.test(lines[lines.length - 1].text);
      const footerWords = new Set(footer ? lines[lines.length - 1].words : []);
      const above = footer ? page.words.filter((w) => !footerWords.has(w)) : [];
      const bottom = above.length ? Math.max(...above.map((w) => w.yMax)) + 24 : page.height;
      const px = (points: number) => String(Math.ceil((points / 72) * ROLLUP_DPI));
      const file = path.join(imagesDir, "rollup-enheter");
      const crop = ["-x", "0", "-y", "0", "-W", px(page.width), "-H", px(Math.min(bottom, page.height))];
      execFileSync("pdftoppm", [
        "-r",
        String(ROLLUP_DPI),
        "-png",
        "-singlefile",
        "-f",
        "1",
        "-l",
        "1",
        ...crop,
        pdf,
        file,
      ]);
      return [`${file}.png`];
    },
  };
}

export const STEPS: Step[] = [
  { name: "task pane (Chromium, 350 px)", run: (ctx) => paneImages(ctx.imagesDir) },
  reportPages(path.join("samples", "malkoll-exempel.xlsx"), {}, "rapport"),
  reportPages(
    path.join("samples", "plan", "hagersten-alvsjo-vp-2022.xlsx"),
    { period: { kind: "VP", year: null } },
    "plan",
    ["indikatorer", "driftbudget"],
  ),
  rollupPage(path.join("samples", "malkoll-exempel.xlsx"), path.join("samples", "enheter")),
];

function requireProgram(name: string, hint: string): void {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
  } catch {
    throw new Error(`${name} saknas – installera: ${hint}`);
  }
}

export async function main(): Promise<void> {
  const root = repoRoot();
  const imagesDir = path.join(root, "docs", "images");
  mkdirSync(imagesDir, { recursive: true });
  const workDir = mkdtempSync(path.join(tmpdir(), "malkoll-docs-"));
  try {
    for (const step of STEPS) {
      const files = await step.run({ root, imagesDir, workDir });
      console.log(`${step.name}: ${files.map((f) => path.relative(root, f)).join(", ")}`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
