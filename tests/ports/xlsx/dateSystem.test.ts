/**
 * The 1904 date system (`<workbookPr date1904="1"/>`, Excel for Mac's old default): its serials
 * count from 1904-01-01, 1 462 days fewer than the 1900 system's for the same day. The engine
 * reads serials as 1900 ones, so the port hands it 1900 serials and writes its own date cells back
 * in the workbook's system. The workbooks are XlsxWriter's (`date_1904`) and Gnumeric's re-save of
 * it, from the foreign corpus.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { cellAt, type WorkbookSnapshot } from "../../../src/engine/grid";
import { checkPackage, snapshotWithExcelJS, XlsxPort } from "../../../src/ports/xlsx";
import { cli } from "../../reliability/cli";
import { convertWithLibreOffice, libreOfficeAvailableOrSkip, parseCsv } from "../../helpers/libreoffice";
import { partText } from "./zipUtil";

const FOREIGN = path.join(__dirname, "..", "..", "fixtures", "foreign");
const ACTIVITIES = "Målkoll Aktiviteter";

const tmp = mkdtempSync(path.join(tmpdir(), "malkoll-1904-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sheet(snapshot: WorkbookSnapshot, name: string) {
  const found = snapshot.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The workbook part of a sheet, found through workbook.xml and its relationships. */
async function sheetXml(bytes: Buffer, name: string): Promise<string> {
  const workbook = await partText(bytes, "xl/workbook.xml");
  const rels = await partText(bytes, "xl/_rels/workbook.xml.rels");
  const id = new RegExp(`<sheet name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return partText(bytes, `xl/${target}`);
}

describe.each(["xlsxwriter-1904.xlsx", "gnumeric-1904.xlsx"])("%s", (name) => {
  const BOOK_1904 = path.join(FOREIGN, name);
  const stem = name.replace(/\.xlsx$/, "");

  test("both readers give 1900-system serials for the date cells of a 1904 workbook", async () => {
    const bytes = readFileSync(BOOK_1904);
    const own = await (await XlsxPort.open(BOOK_1904)).read();
    const excelJs = await snapshotWithExcelJS(await checkPackage(bytes, "1904.xlsx"), bytes, "1904.xlsx");
    for (const snapshot of [own, excelJs]) {
      const data = sheet(snapshot, "Uppföljning");
      expect(cellAt(data, 24, 4)).toBeCloseTo(44439, 9); // 2021-08-31
      expect(cellAt(data, 28, 2)).toBeCloseTo(44197, 9); // 2021-01-01
      expect(cellAt(data, 29, 3)).toBeCloseTo(44530, 9); // 2021-11-30
    }
  });

  test("check reads the activities' dates as the days the workbook shows", async () => {
    const run = await cli(["check", BOOK_1904, "--json"]);
    const json = JSON.parse(run.out) as { activities: { start: string | null; end: string | null }[] };
    expect(json.activities.map((a) => [a.start, a.end])).toEqual([
      ["2021-01-01", "2021-12-31"],
      ["2021-03-15", "2021-11-30"],
    ]);
  });

  describe("generate", () => {
    const out = path.join(tmp, `${stem}-ut.xlsx`);
    beforeAll(async () => {
      expect((await cli(["generate", BOOK_1904, "-o", out])).code).toBeLessThan(2);
    });

    test("writes the activities' dates as 1904-system serials, the days the workbook shows", async () => {
      const xml = await sheetXml(readFileSync(out), ACTIVITIES);
      const values = [...xml.matchAll(/<v>(\d+)<\/v>/g)].map((m) => Number(m[1]));
      // 2021-01-01, 2021-12-31, 2021-03-15, 2021-11-30 counted from 1904-01-01.
      expect(values).toEqual([42735, 43099, 42808, 43068]);
      const read = sheet(await (await XlsxPort.open(out)).read(), ACTIVITIES);
      expect(read.values.flat().filter((v) => typeof v === "number")).toEqual([44197, 44561, 44270, 44530]);
    });

    test("a second run finds its own tables unedited", async () => {
      const check = JSON.parse((await cli(["check", out, "--json"])).out) as { findings: { code: string }[] };
      expect(check.findings.map((f) => f.code)).not.toContain("generated-table-edited");
      const again = path.join(tmp, `${stem}-igen.xlsx`);
      expect((await cli(["generate", out, "-o", again])).code).toBeLessThan(2);
      const names = (await (await XlsxPort.open(again)).read()).sheets.map((s) => s.name);
      expect(names).toEqual((await (await XlsxPort.open(out)).read()).sheets.map((s) => s.name));
    });

    test("LibreOffice shows the activities' dates as the source shows them", () => {
      if (!libreOfficeAvailableOrSkip()) return;
      const csvDir = path.join(tmp, "csv");
      convertWithLibreOffice(out, "csv", { outDir: csvDir, allSheets: true });
      const rows = parseCsv(readFileSync(path.join(csvDir, `${stem}-ut-${ACTIVITIES}.csv`), "utf8"));
      const dated = rows.filter((r) => /^\d{4}-\d\d-\d\d$/.test(r[1] ?? "")).map((r) => [r[1], r[2]]);
      expect(dated).toEqual([
        ["2021-01-01", "2021-12-31"],
        ["2021-03-15", "2021-11-30"],
      ]);
    }, 120_000);
  });
});
