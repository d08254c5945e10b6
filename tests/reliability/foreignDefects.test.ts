/**
 * The foreign-workbook defects that the corpus (foreignCorpus.test.ts) does not show by itself:
 * an .xlsm written under the wrong extension, a 1 MB text in 12 000 cells, zips that name a part
 * twice or hold a bad checksum, a workbook without sheets, and a user's sheet named as Målkoll's
 * hidden state sheet, in the same case or another. Each is built here from a few seed rows.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import JSZip from "jszip";
import { EXCEL_MAX_CELL_CHARS } from "../../src/engine/grid";
import { MAX_QUOTED_TEXT } from "../../src/engine/findings";
import { rawEntries } from "../../src/ports/xlsx/zipReader";
import { writeZip, type ZipEntryInput } from "../../src/ports/xlsx/zipWriter";
import { buildXlsx, type RawCell, withBadChecksum } from "../fixtures/hostile/build";
import { cli, STACK_TRACE, UNEXPECTED } from "./cli";

const CORPUS = path.join(__dirname, "..", "fixtures", "foreign");
const dir = mkdtempSync(path.join(tmpdir(), "malkoll-defects-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const at = path.join(dir, name);
  writeFileSync(at, bytes);
  return at;
}

/** 002 lines 271–272: a follow-up indicator table's header and first row. */
const HEADER = ["Indikator", "Periodens utfall", "Prognos helår", "Årsmål", "KF:s årsmål", "Period"];
const ROW = [
  "Andel barn som lever i familjer som har ekonomiskt bistånd",
  "4,1 %",
  "4 %",
  "3,3 %",
  "2,7 %",
  "Tertial 2 2021",
];

describe("macro-enabled workbooks keep their extension", () => {
  test("generate refuses an .xlsm written as .xlsx, and writes nothing", async () => {
    const out = path.join(dir, "makro-ut.xlsx");
    const run = await cli(["generate", path.join(CORPUS, "macro.xlsm"), "-o", out]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/macro\.xlsm är en \.xlsm-fil \(med makron\).*-o ….xlsm/);
    expect(existsSync(out)).toBe(false);
  });

  test("…and an ordinary workbook written as .xlsm", async () => {
    const run = await cli([
      "generate",
      path.join(CORPUS, "openpyxl.xlsx"),
      "-o",
      path.join(dir, "vanlig-ut.xlsm"),
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/är en \.xlsx-fil; Excel öppnar den bara under samma filändelse/);
  });

  test("check reads an .xlsm as any workbook", async () => {
    const run = await cli(["check", path.join(CORPUS, "macro.xlsm"), "--json"]);
    expect(run.code).toBeLessThan(2);
    // The seed table's ten; the note row under it is not one (see foreignCorpus.test.ts).
    expect(JSON.parse(run.out).indicators).toHaveLength(10);
  });
});

describe("one 1 MB text in 12 000 cells", () => {
  const huge = `XXXXX ${"Analys av utfallet. ".repeat(52_500)}`.slice(0, 1_000_000);
  let workbook: string;

  beforeAll(async () => {
    const rows: RawCell[][] = [HEADER, ROW, [`Analys ${huge}`]];
    for (let r = 0; r < 4000; r++) rows.push([null, null, null, null, null, null, null, huge, huge, huge]);
    // A shared string, as Excel stores a text that repeats: the file stays small.
    const bytes = await buildXlsx([{ name: "Uppföljning", rows }], { sharedStrings: true });
    workbook = file("lang-text.xlsx", bytes);
  });

  test("check prints every text at most 2 000 characters long, marked where it was cut", async () => {
    const run = await cli(["check", workbook, "--json"]);
    expect(run.err).not.toMatch(UNEXPECTED);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as {
      indicators: { analysis: string | null }[];
      findings: { message: string }[];
    };
    const strings: string[] = [];
    JSON.parse(run.out, (_key, value: unknown) => {
      if (typeof value === "string") strings.push(value);
      return value;
    });
    const longest = Math.max(...strings.map((s) => s.length));
    expect(longest).toBeLessThanOrEqual(MAX_QUOTED_TEXT + 80);
    expect(json.indicators[0].analysis).toMatch(
      /^XXXXX Analys av utfallet\..*…\[avkortad: 1000000 tecken \/ cut: 1000000 characters\]$/,
    );
    expect(json.findings.filter((f) => f.message.startsWith("Mallrest ”XXXXX”")).length).toBe(12_001);
  });

  test("generate refuses before building tables, and says why", async () => {
    const out = path.join(dir, "lang-text-ut.xlsx");
    const run = await cli(["generate", workbook, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/har mer celltext än Målkoll skapar tabeller för: över 100\s000\s000 tecken/);
    expect(run.err).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });
});

test("a text longer than a cell holds is cut in the generated table, and the next run does not call it edited", async () => {
  // 002 lines 442–444: an activity marked Avvikelse with its analysis, here 40 000 characters long.
  const analysis = `Analys ${"Aktiviteten har inte kunnat genomföras på grund av pandemin. ".repeat(650)}`;
  const rows: RawCell[][] = [
    ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"],
    ["Stärka samverkan med civilsamhället", "2021-01-01", "2021-12-31", "Avvikelse"],
    [analysis],
  ];
  const bytes = await buildXlsx([{ name: "Uppföljning", rows }]);
  const first = path.join(dir, "lang-cell-ut.xlsx");
  expect((await cli(["generate", file("lang-cell.xlsx", bytes), "-o", first])).code).toBeLessThan(2);
  const zip = await JSZip.loadAsync(readFileSync(first));
  const owned = await Promise.all(
    Object.keys(zip.files)
      .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && p !== "xl/worksheets/sheet1.xml")
      .map((p) => zip.file(p)!.async("string")),
  );
  const cells = owned.flatMap((xml) =>
    [...xml.matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => m[1]),
  );
  expect(Math.max(...cells.map((t) => t.length))).toBe(EXCEL_MAX_CELL_CHARS);
  expect(cells.filter((t) => t.length === EXCEL_MAX_CELL_CHARS).every((t) => t.endsWith("…"))).toBe(true);
  const second = await cli(["generate", first, "-o", path.join(dir, "lang-cell-ut2.xlsx")]);
  expect(second.code).toBeLessThan(2);
  expect(second.out).not.toMatch(/redigerad|ändrats för hand|edited/i);
});

describe("damaged zips are refused, not half read", () => {
  async function entriesOf(bytes: Uint8Array): Promise<ZipEntryInput[]> {
    return [...rawEntries(bytes)].map(([name, raw]) => ({ name, kind: "raw" as const, raw }));
  }

  test("a part named twice", async () => {
    const base = await buildXlsx([{ name: "Uppföljning", rows: [HEADER, ROW] }]);
    const list = await entriesOf(base);
    const sheet = list.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const other = await buildXlsx([{ name: "Uppföljning", rows: [HEADER, ["Annat", "1 %"]] }]);
    const otherSheet = (await entriesOf(other)).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const twice = writeZip([...list, { ...otherSheet, name: sheet.name }]);
    for (const command of ["check", "generate"]) {
      const run = await cli([
        command,
        file("dubbel.xlsx", twice),
        ...(command === "generate" ? ["-o", path.join(dir, "d.xlsx")] : []),
      ]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/dubbel\.xlsx är skadad: delen xl\/worksheets\/sheet1\.xml finns två gånger/);
    }
  });

  test("a part named twice but for case (OPC names ignore case)", async () => {
    const list = await entriesOf(await buildXlsx([{ name: "Uppföljning", rows: [HEADER, ROW] }]));
    const sheet = list.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const run = await cli([
      "check",
      file("skiftlage.xlsx", writeZip([...list, { ...sheet, name: "xl/worksheets/Sheet1.xml" }])),
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/skadad: delen xl\/worksheets\/Sheet1\.xml finns två gånger/);
  });

  test("a part whose checksum does not match", async () => {
    const bytes = withBadChecksum(
      Buffer.from(await buildXlsx([{ name: "Uppföljning", rows: [HEADER, ROW] }])),
      "xl/worksheets/sheet1.xml",
    );
    const run = await cli(["check", file("crc.xlsx", bytes), "--json"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      /crc\.xlsx är skadad: delen xl\/worksheets\/sheet1\.xml stämmer inte med sin kontrollsumma/,
    );
  });
});

test('a workbook without sheets is refused with the reason, not judged with findings on sheet ""', async () => {
  const run = await cli(["check", file("utan-blad.xlsx", await buildXlsx([])), "--json"]);
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/utan-blad\.xlsx har inga blad/);
  expect(run.out).toBe("");
});

describe("a workbook that names sheets its package does not hold (a CLI user's hand-damaged files)", () => {
  /** A two-sheet workbook with `edit` applied to its package. */
  async function damaged(fileName: string, edit: (zip: JSZip) => Promise<void>): Promise<string> {
    const zip = await JSZip.loadAsync(
      await buildXlsx([
        { name: "Uppföljning", rows: [HEADER, ROW] },
        { name: "Ekonomi", rows: [["Tkr", "Budget"]] },
      ]),
    );
    await edit(zip);
    return file(fileName, await zip.generateAsync({ type: "uint8array" }));
  }
  const workbookXml = async (zip: JSZip, edit: (xml: string) => string) =>
    void zip.file("xl/workbook.xml", edit(await zip.file("xl/workbook.xml")!.async("string")));

  test.each([
    [
      "a sheet's part missing",
      "utan-del.xlsx",
      async (zip: JSZip) => void zip.remove("xl/worksheets/sheet2.xml"),
      /utan-del\.xlsx är skadad: bladet ”Ekonomi” saknar sin del xl\/worksheets\/sheet2\.xml/,
    ],
    [
      "the workbook's relationships unreadable",
      "trasiga-relationer.xlsx",
      async (zip: JSZip) => void zip.file("xl/_rels/workbook.xml.rels", "garbage"),
      /trasiga-relationer\.xlsx är skadad: bladet ”Uppföljning” har ingen egen del i filen/,
    ],
    [
      "two sheets of one name but for case",
      "samma-namn.xlsx",
      (zip: JSZip) => workbookXml(zip, (xml) => xml.replace('name="Ekonomi"', 'name="UPPFÖLJNING"')),
      /samma-namn\.xlsx är skadad: två blad heter ”UPPFÖLJNING”/,
    ],
  ])(
    "%s: check and generate refuse it (exit 2), and generate writes nothing",
    async (_, fileName, edit, reason) => {
      const input = await damaged(fileName, edit);
      const checked = await cli(["check", input, "--json"]);
      expect([checked.code, checked.out]).toEqual([2, ""]);
      expect(checked.err).toMatch(reason);
      expect(checked.err).toMatch(/Open it in Excel, which can repair it/);
      const out = path.join(dir, `ut-${fileName}`);
      const generated = await cli(["generate", input, "-o", out]);
      expect(generated.code).toBe(2);
      expect(existsSync(out)).toBe(false);
    },
  );

  test("two sheets on one part are refused as well", async () => {
    const input = await damaged("en-del.xlsx", async (zip) => {
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      zip.file("xl/_rels/workbook.xml.rels", rels.replace("worksheets/sheet2.xml", "worksheets/sheet1.xml"));
    });
    const run = await cli(["check", input]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/bladet ”Ekonomi” har ingen egen del i filen/);
  });
});

test("a user's sheet named `_MALKOLL` is refused by generate (it would be the state sheet), and check reads it", async () => {
  const input = file(
    "stort-namn.xlsx",
    await buildXlsx([
      { name: "Uppföljning", rows: [HEADER, ROW] },
      { name: "_MALKOLL", rows: [["Controllerns anteckningar"]] },
    ]),
  );
  const out = path.join(dir, "stort-namn-ut.xlsx");
  const run = await cli(["generate", input, "-o", out]);
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/Bladet "_MALKOLL" har samma namn som Målkolls dolda blad "_malkoll"/);
  expect(run.err).not.toMatch(STACK_TRACE);
  expect(existsSync(out)).toBe(false);
  expect((await cli(["check", input, "--json"])).code).toBeLessThan(2);
});

test("a user's own sheet named `_malkoll` is refused by generate, not overwritten with the state, and checked", async () => {
  const notes = [["Controllerns anteckningar"], ["Ring Anna om prognosen"]];
  const input = file(
    "eget-malkoll.xlsx",
    await buildXlsx([
      { name: "Uppföljning", rows: [HEADER, ROW] },
      { name: "_malkoll", rows: notes },
    ]),
  );
  const out = path.join(dir, "eget-malkoll-ut.xlsx");
  const run = await cli(["generate", input, "-o", out]);
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/Bladet "_malkoll" är inte Målkolls/);
  expect(run.err).toMatch(/The sheet "_malkoll" is not Målkoll's/);
  expect(run.err).not.toMatch(STACK_TRACE);
  expect(existsSync(out)).toBe(false);
  expect((await cli(["check", input, "--json"])).code).toBeLessThan(2);
});

test("a workbook whose structure is protected is refused by generate, as the add-in refuses it, and checked", async () => {
  // openpyxl's WorkbookProtection(lockStructure=True); Excel writes the same attribute beside a hash.
  const zip = await JSZip.loadAsync(readFileSync(path.join(CORPUS, "openpyxl.xlsx")));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const locked = workbook.replace("<workbookProtection/>", '<workbookProtection lockStructure="1"/>');
  expect(locked).not.toBe(workbook);
  zip.file("xl/workbook.xml", locked);
  const input = file("skyddad.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  const out = path.join(dir, "skyddad-ut.xlsx");
  const run = await cli(["generate", input, "-o", out]);
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/Arbetsbokens struktur är skyddad/);
  expect(run.err).toMatch(/The workbook's structure is protected/);
  expect(existsSync(out)).toBe(false);
  expect((await cli(["check", input, "--json"])).code).toBeLessThan(2);
});

describe("what is not an .xlsx says what it is and what to do (a batch user's review)", () => {
  test.each([
    ["empty", "tom.xlsx", new Uint8Array(0), /tom\.xlsx är tom \(0 byte\)/],
    [
      "text, such as a CSV renamed",
      "csv.xlsx",
      new TextEncoder().encode("Indikator;Utfall\nAndel;93 %\n"),
      /csv\.xlsx är ingen \.xlsx-fil utan text \(t\.ex\. CSV\)\. Öppna den i Excel och spara den som \.xlsx\./,
    ],
    [
      "UTF-16 text with its byte-order mark (Excel's Unicode text)",
      "unicode.xlsx",
      new Uint8Array([0xff, 0xfe, ...Buffer.from("Indikator\tUtfall – ”andel”\r\n", "utf16le")]),
      /unicode\.xlsx är ingen \.xlsx-fil utan text/,
    ],
  ])("%s", async (_, name, bytes, reason) => {
    const run = await cli(["check", file(name, bytes)]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(reason);
  });

  test("an OpenDocument spreadsheet is named as one, with the way to save it as .xlsx", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    zip.file("content.xml", "<office:document-content/>");
    const run = await cli(["check", file("kalkyl.ods", await zip.generateAsync({ type: "uint8array" }))]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("kalkyl.ods är ett OpenDocument-kalkylark (.ods). Spara det som .xlsx");
  });

  test("a sheet whose XML is broken: which reader failed matters less than what the user can do", async () => {
    const zip = await JSZip.loadAsync(await buildXlsx([{ name: "Uppföljning", rows: [HEADER, ROW] }]));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", xml.replace("</sheetData>", ""));
    const run = await cli([
      "check",
      file("trasig-xml.xlsx", await zip.generateAsync({ type: "uint8array" })),
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      /trasig-xml\.xlsx kunde inte läsas: en av dess XML-delar är trasig \(.+\)\. Öppna den i Excel, som kan reparera den/,
    );
  });
});
