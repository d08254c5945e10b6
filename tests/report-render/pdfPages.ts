import { execFileSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { convertWithLibreOffice } from "../helpers/libreoffice";

/**
 * Reads printed pages back from a PDF as LibreOffice wrote it: the boxes of the words on each page
 * (`pdftotext -bbox-layout`), grouped into the visual lines a reader sees, and font sizes measured
 * against an 8 pt calibration cell converted the same way.
 */

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Page {
  /** 1-based page number in the PDF. */
  number: number;
  width: number;
  height: number;
  words: Word[];
}

/** A row of words at one height, left to right. */
export interface VisualLine {
  y: number;
  words: Word[];
  text: string;
}

const unescape = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Every page's words with their boxes, in points from the page's top left. */
export function pdfPages(pdf: string): Page[] {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const pages: Page[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of xml.matchAll(pageRe)) {
    const words: Word[] = [];
    for (const w of m[3].matchAll(wordRe))
      words.push({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: unescape(w[5]),
      });
    pages.push({ number: pages.length + 1, width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/** Words grouped by their top edge (within 1,5 pt), top to bottom, each line left to right. */
export function visualLines(words: Word[]): VisualLine[] {
  const sorted = [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const lines: VisualLine[] = [];
  for (const word of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(word.yMin - line.y) <= 1.5) line.words.push(word);
    else lines.push({ y: word.yMin, words: [word], text: "" });
  }
  for (const line of lines) {
    line.words.sort((a, b) => a.xMin - b.xMin);
    line.text = line.words.map((w) => w.text).join(" ");
  }
  return lines;
}

/** The sheet whose page footer (`<sheet>   Sida 3 av 9`, the page's last line) is on the page. */
export function footerSheet(page: Page, names: string[]): string | null {
  const lines = visualLines(page.words);
  const footer = lines[lines.length - 1]?.text ?? "";
  if (!/Sida \d+ av \d+$/.test(footer)) return null;
  return names.find((name) => footer.startsWith(`${name} `)) ?? null;
}

/** One page of a PDF as `<file>.png` at `dpi`. */
export function pageToPng(pdf: string, page: number, file: string, dpi: number): string {
  execFileSync("pdftoppm", [
    "-r",
    String(dpi),
    "-png",
    "-singlefile",
    "-f",
    String(page),
    "-l",
    String(page),
    pdf,
    file,
  ]);
  return `${file}.png`;
}

/** Box height of a word at 1 pt, from a cell of `points` converted like the report. */
export interface Calibration {
  /** Box height of an 8 pt word. */
  boxAt8: number;
  /** Box height of a 9 pt word (a check that box heights scale with the size). */
  boxAt9: number;
}

/**
 * Converts a one-sheet workbook with an 8 pt and a 9 pt Calibri cell, printed like the report (A4
 * landscape), and measures the words' box heights.
 */
export async function calibrate(outDir: string): Promise<Calibration> {
  mkdirSync(outDir, { recursive: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kalibrering", { pageSetup: { orientation: "landscape", paperSize: 9 } });
  ws.getCell("A1").value = "Kalibrering";
  ws.getCell("A1").font = { name: "Calibri", size: 8 };
  ws.getCell("A3").value = "Nio";
  ws.getCell("A3").font = { name: "Calibri", size: 9 };
  const file = path.join(outDir, "kalibrering.xlsx");
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const pdf = convertWithLibreOffice(file, "pdf", { outDir }).files[0];
  const words = pdfPages(pdf)[0].words;
  const box = (text: string): number => {
    const word = words.find((w) => w.text === text);
    if (!word) throw new Error(`calibration word ${text} not found`);
    return word.yMax - word.yMin;
  };
  return { boxAt8: box("Kalibrering"), boxAt9: box("Nio") };
}

/** The printed size of a word in points, by its box against the calibration. */
export function printedPoints(word: Word, calibration: Calibration): number {
  return ((word.yMax - word.yMin) / calibration.boxAt8) * 8;
}
