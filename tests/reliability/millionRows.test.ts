/**
 * A 1 000 000-row sheet through the built CLI in a child process (heap capped at 2 GB): it must be
 * checked or refused clearly within 2 minutes, never crash. Measured: `check --json` writes its
 * ~950 MB of JSON in ~20 s with ~2 GB RSS; `generate` then declines (MAX_GENERATE_ROWS) with exit 2.
 * Past MAX_SHEET_XML_BYTES a workbook is refused with exit 2 before it is parsed.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildXlsx, manyRowsSheetXml } from "../fixtures/hostile/build";
import { STACK_TRACE, UNEXPECTED } from "./cli";
import { checkPackage } from "../../src/ports/xlsx";

const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "lib", "src", "cli", "main.js");
test("check --json on a 1 000 000-row sheet finishes (generate declines clearly) or refuses with exit 2 within 2 minutes and 2 GB of heap", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-huge-"));
  try {
    const file = path.join(dir, "miljon.xlsx");
    const out = path.join(dir, "miljon-ut.xlsx");
    fs.writeFileSync(
      file,
      await buildXlsx([{ name: "Stor", rows: [] }], { sheetXml: { 0: manyRowsSheetXml(1_000_000) } }),
    );
    // --json: the report of a million rows is more text than one JavaScript string can hold.
    const script = `let chars = 0, first = "", last = "";
      require(${JSON.stringify(CLI)}).main(["check", ${JSON.stringify(file)}, "--json"], { out: (s) => { chars += s.length; first ||= s.slice(0, 40); last = s.slice(-20); }, err: (s) => process.stderr.write(s) })
        .then((code) => { process.stderr.write("\\nJSON " + JSON.stringify({ chars, first, last }) + "\\nRUSAGE " + JSON.stringify(process.resourceUsage()) + "\\n"); process.exitCode = code; })
        .then(() => require(${JSON.stringify(CLI)}).main(["generate", ${JSON.stringify(file)}, "-o", ${JSON.stringify(out)}], { out: () => {}, err: (s) => process.stderr.write(s) }))
        .then((code) => process.stderr.write("\\nGENERATE " + code + "\\n"));`;
    const started = Date.now();
    const child = spawnSync(process.execPath, ["--max-old-space-size=2048", "-e", script], {
      encoding: "utf8",
      timeout: 120_000,
    });
    const seconds = (Date.now() - started) / 1000;
    const usage = /RUSAGE (.*)/.exec(child.stderr ?? "")?.[1];
    console.log(
      `1 000 000 rows: exit ${child.status} (${child.signal ?? "no signal"}) after ${seconds.toFixed(1)} s, max RSS ${usage ? (JSON.parse(usage).maxRSS / 1024).toFixed(0) : "?"} MB`,
    );
    const json = /JSON (.*)/.exec(child.stderr ?? "")?.[1];
    console.log(`JSON written: ${json ? JSON.parse(json).chars : "?"} characters`);
    expect(child.signal).toBeNull();
    expect([0, 1, 2]).toContain(child.status);
    expect(child.stderr).not.toMatch(STACK_TRACE);
    expect(child.stderr).not.toMatch(UNEXPECTED);
    if (child.status === 2) expect(child.stderr).toMatch(/för stor|too large|rader|rows/i);
    else {
      // generate declines with exit 2 and says why, rather than running out of memory.
      expect(/GENERATE (\d+)/.exec(child.stderr)?.[1]).toBe("2");
      expect(child.stderr).toMatch(/999\s999 tabellrader; Målkoll skapar tabeller för högst 200\s000/);
      expect(fs.existsSync(out)).toBe(false);
      const written = JSON.parse(json!);
      expect(written.first).toMatch(/^\{\n {2}"workbook": "miljon\.xlsx"/);
      expect(written.last).toMatch(/\n\}\n$/);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

test("a workbook whose sheets exceed the size limit is refused before parsing, with a clear message", async () => {
  const bytes = await buildXlsx([{ name: "Stor", rows: [] }], { sheetXml: { 0: manyRowsSheetXml(20_000) } });
  await expect(checkPackage(bytes, "stor.xlsx", { maxSheetXmlBytes: 100_000 })).rejects.toMatchObject({
    exitCode: 2,
    message: expect.stringMatching(/för stor för Målkoll/),
  });
  await expect(checkPackage(bytes, "stor.xlsx")).resolves.toBeDefined();
});
