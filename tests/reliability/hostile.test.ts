/**
 * A corpus of hostile workbooks, built by code (tests/fixtures/hostile/build.ts), through the
 * CLI's main(): every one is checked (exit 0/1) or refused with exit 2 and a clear message —
 * never a stack trace, never main()'s "unexpected error".
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { buildXlsx, encryptedFile, truncatedXlsx } from "../fixtures/hostile/build";
import { cli, STACK_TRACE, UNEXPECTED } from "./cli";
import { cellsOf, sharedStrings, sheetParts } from "./xlsxParts";

const HEADER = ["Indikator", "Periodens utfall", "Årsmål", "KF:s årsmål", "Period"];
const LONG = "Lång analys ".repeat(3400).slice(0, 40_000);

const CORPUS: Record<string, () => Promise<Buffer>> = {
  "an empty sheet": () => buildXlsx([{ name: "Blad1", rows: [] }]),
  "hidden and very hidden sheets with tables": () =>
    buildXlsx([
      { name: "Synlig", rows: [["Ingenting här"]] },
      {
        name: "Dold",
        state: "hidden",
        rows: [HEADER, ["Antal platser", "140 st", "120 st", "-", "Tertial 2 2021"]],
      },
      {
        name: "Mycket dold",
        state: "veryHidden",
        rows: [HEADER, ["Andel nöjda", "81 %", "83 %", "84 %", "Tertial 2 2021"]],
      },
    ]),
  "merged header cells": () =>
    buildXlsx([
      {
        name: "Uppföljning",
        rows: [
          ["Uppföljning av indikatorer", null, null, null, null],
          HEADER,
          ["Andel barn", "4,1 %", "3,3 %", "2,7 %", "Tertial 2 2021"],
        ],
        merges: ["A1:E1", "B2:C2"],
      },
    ]),
  "formulas returning errors": () =>
    buildXlsx([
      {
        name: "Uppföljning",
        rows: [
          HEADER,
          [
            "Andel barn",
            { formula: "1/0", error: "#DIV/0!" },
            { formula: "Blad9!A1", error: "#REF!" },
            "2,7 %",
            "Tertial 2 2021",
          ],
          [
            "Antal platser",
            { formula: "NA()", error: "#N/A" },
            { formula: "2*70", value: 140 },
            "-",
            "Tertial 2 2021",
          ],
        ],
      },
    ]),
  "40 000-character cells": () =>
    buildXlsx([
      {
        name: "Uppföljning",
        rows: [
          HEADER,
          [LONG, "4,1 %", "3,3 %", "2,7 %", "Tertial 2 2021"],
          [`Analys ${LONG}`],
          ["Antal platser", LONG, LONG, LONG, LONG],
        ],
      },
    ]),
  "text that looks like formulas": () =>
    buildXlsx([
      {
        name: "Uppföljning",
        rows: [
          HEADER,
          ['=HYPERLINK("http://example.invalid","klicka")', "4,1 %", "3,3 %", "2,7 %", "Tertial 2 2021"],
          ["@SUM(A1:A9)", "+1", "-1", "=1+1", "Tertial 2 2021"],
          ["+46 8 508 000 00", "-4,1 %", "@", "=", "Tertial 2 2021"],
          ["Analys -Förvaltningen har =SUM(1) åtgärder"],
        ],
      },
    ]),
  "a sheet name with quotes and a state sheet full of junk": () =>
    buildXlsx([
      { name: "Min 'flik' 2", rows: [HEADER, ["Antal", "3 st", "4 st", "-", "Tertial 2 2021"]] },
      {
        name: "_malkoll",
        state: "veryHidden",
        rows: [
          ["malkoll", "x"],
          ["owned", "indikatorer", "Min 'flik' 2", "fel"],
          ["mapping", "{"],
          ["flag", "Finns inte", "ZZZ0"],
        ],
      },
    ]),
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-hostile-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function write(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
  fs.writeFileSync(file, bytes);
  return file;
}

describe.each(Object.entries(CORPUS))("%s", (name, build) => {
  let file: string;
  beforeAll(async () => {
    file = await write(name, await build());
  });

  test("check --json gives exit 0 or 1 and one JSON object, no stack trace", async () => {
    const r = await cli(["check", file, "--json"]);
    expect(r.err).not.toMatch(STACK_TRACE);
    expect(r.err).not.toMatch(UNEXPECTED);
    if (r.code !== 0 && r.code !== 1) throw new Error(`exit ${r.code}: ${r.err}`);
    const json = JSON.parse(r.out);
    const errors = json.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(r.code).toBe(errors.length > 0 ? 1 : 0);
  });

  test("generate writes its sheets within Excel's 32 767 characters a cell", async () => {
    const out = path.join(dir, `${path.basename(file, ".xlsx")}-ut.xlsx`);
    const r = await cli(["generate", file, "-o", out]);
    expect(r.err).not.toMatch(STACK_TRACE);
    expect(r.err).not.toMatch(UNEXPECTED);
    if (r.code !== 0 && r.code !== 1) throw new Error(`exit ${r.code}: ${r.err}`);
    const bytes = fs.readFileSync(out);
    const shared = await sharedStrings(bytes);
    const owned = (await sheetParts(bytes)).filter(
      (s) => s.name.startsWith("Målkoll") || s.name === "_malkoll",
    );
    expect(owned.length).toBeGreaterThan(0);
    for (const sheet of owned)
      for (const cell of cellsOf(sheet.xml, shared))
        expect((cell.text ?? "").length).toBeLessThanOrEqual(32_767);
  });
});

test("the formula-error workbook reports the error cells as value-unparseable and exits 1", async () => {
  const file = await write("errors-check", await CORPUS["formulas returning errors"]());
  const r = await cli(["check", file, "--json"]);
  expect(r.code).toBe(1);
  const cells = JSON.parse(r.out)
    .findings.filter((f: { code: string }) => f.code === "value-unparseable")
    .map((f: { cell: string }) => f.cell);
  expect(cells).toEqual(expect.arrayContaining(["B2", "C2", "B3"]));
});

test("a package without a styles part (optional in OOXML) is checked, and generate works or refuses clearly", async () => {
  const file = await write(
    "without-styles",
    await buildXlsx([{ name: "Blad1", rows: [HEADER, ["Antal", "3 st", "4 st", "-", "Tertial 2 2021"]] }], {
      withoutStyles: true,
    }),
  );
  expect((await cli(["check", file])).code).toBe(0);
  const r = await cli(["generate", file, "-o", path.join(dir, "utan-stilar-ut.xlsx")]);
  expect(r.err).not.toMatch(STACK_TRACE);
  expect(r.err).not.toMatch(UNEXPECTED);
  if (r.code === 2) expect(r.err).toMatch(/formatmallar|styles/);
  else expect(r.code).toBe(0);
});

describe("files that cannot be read are refused with exit 2 and a clear message", () => {
  test.each<[string, () => Promise<Buffer>, RegExp]>([
    ["encrypted (CFB container with EncryptionInfo)", async () => encryptedFile(), /krypterad|lösenord/i],
    ["a zip cut off half-way", truncatedXlsx, /skadad|damaged|inte läsas|could not be read|ingen/i],
    [
      "a zip without a workbook",
      async () => await new JSZip().file("hej.txt", "hej").generateAsync({ type: "nodebuffer" }),
      /ingen Excel-arbetsbok|not an Excel workbook/i,
    ],
    [
      "zip magic followed by junk",
      async () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]),
      /skadad|damaged/i,
    ],
    [
      "a workbook part that is not XML",
      async () => {
        const zip = await JSZip.loadAsync(await buildXlsx([{ name: "Blad1", rows: [["a"]] }]));
        zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=");
        return zip.generateAsync({ type: "nodebuffer" });
      },
      /kunde inte läsas|could not be read|skadad|damaged/i,
    ],
  ])("%s", async (name, build, message) => {
    const file = await write(name, await build());
    for (const args of [
      ["check", file],
      ["generate", file, "-o", path.join(dir, "ut.xlsx")],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(STACK_TRACE);
      expect(r.err).not.toMatch(UNEXPECTED);
      expect(r.out).toBe("");
    }
    expect(fs.existsSync(path.join(dir, "ut.xlsx"))).toBe(false);
  });
});
