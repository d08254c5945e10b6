/**
 * Reads and writes stay under Excel on the web's 5 MB a request and a response, by serialised bytes:
 * the fake measures what is sent and what comes back and refuses either over the limit.
 */
import type { CellValue } from "../../../src/engine/grid";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import { OfficePort } from "../../../src/ports/office/officePort";
import { createFakeExcel, FAKE_MAX_REQUEST_BYTES, FAKE_MAX_RESPONSE_BYTES } from "../../helpers/fakeExcel";
import { emptyPlan, userSheet, webPort } from "./support";

const MB = 1024 * 1024;
const ANALYSIS = "Förvaltningen ser ett ökat antal barn i hushåll med ekonomiskt bistånd. "
  .repeat(21)
  .slice(0, 1500);

/** 2 000 indicator rows with a 1 500-character Analys cell each: about 3 MB of text, twice with formulas. */
function analysisSheet(withFormulas: boolean) {
  const values: CellValue[][] = [["Indikator", "Utfall", "Årsmål", "Analys", "Summa"]];
  const formulas: (string | null)[][] = [[null, null, null, null, null]];
  for (let r = 0; r < 2000; r++) {
    values.push([`Andel ${r}`, 0.041, 0.05, `${ANALYSIS} ${r}`, 0.091]);
    formulas.push([null, null, null, null, withFormulas ? `=B${r + 2}+C${r + 2}` : null]);
  }
  return { name: "Uppföljning", values, formulas };
}

it("reads 2 000 rows with 1 500-character analyses with every answer under 5 MB", async () => {
  const { context, fake } = createFakeExcel({ sheets: [analysisSheet(true)] });
  const snapshot = await new OfficePort(context).read();
  expect(snapshot.sheets[0].values[2000][3]).toBe(`${ANALYSIS} 1999`);
  expect(snapshot.sheets[0].formulas?.[1][4]).toBe("B2+C2");
  expect(fake.maxResponse).toBeLessThanOrEqual(4 * MB);
  expect(fake.syncs.every((s) => s.error === null)).toBe(true);
  // The text comes back twice (values and formulas) on a sheet with formulas: more than 5 MB in all.
  expect(fake.syncs.reduce((n, s) => n + s.responseBytes, 0)).toBeGreaterThan(FAKE_MAX_RESPONSE_BYTES);
});

it("the same sheet read in one go, as cell-count chunks of 60 000 did, is refused by the fake", async () => {
  const { context } = createFakeExcel({ sheets: [analysisSheet(true)] });
  const range = context.workbook.worksheets.getItem("Uppföljning").getRange("A1:E2001");
  range.load("values,numberFormat,formulas");
  await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
});

it("a chunk that comes back too large is read again in halves", async () => {
  const { context, fake } = createFakeExcel({ sheets: [analysisSheet(true)] });
  // A port that believes anything fits: after the probe, the rest (~6 MB) is refused; halves succeed.
  const port = new OfficePort(context, { responseBytes: 64 * MB });
  const snapshot = await port.read();
  const refused = fake.syncs.filter((s) => s.error === "ResponsePayloadSizeLimitExceeded");
  expect(refused.length).toBeGreaterThan(0);
  expect(port.lastRun.retries).toBe(refused.length);
  expect(snapshot.sheets[0].values).toHaveLength(2001);
  expect(snapshot.sheets[0].values[1234][3]).toBe(`${ANALYSIS} 1233`);
});

it("sizes a write by everything it sends: whole formula rows, formats and values", async () => {
  // Every other row has a formula, so each chunk sends formulas; the estimate must count them.
  const rows: (OutCell | null)[][] = [];
  for (let r = 0; r < 6000; r++)
    rows.push([
      { value: `${ANALYSIS.slice(0, 700)} ${r}` },
      r % 2 ? { value: 1, formula: `A${r}+1`, format: "0.0" } : { value: 2, format: "0.0" },
      { value: `Text ${r}`, wrap: true },
    ]);
  const spec: SheetSpec = { key: "aktiviteter", rows, columnWidths: [] };
  const { context, fake } = createFakeExcel({ sheets: [userSheet] });
  const port = webPort(context);
  await port.write(emptyPlan({ sheets: [{ spec, name: "Målkoll Aktiviteter", replaces: false }] }));
  const measured = fake.syncs.map((s) => s.bytes);
  const estimated = port.lastRun.requestBytes;
  expect(measured).toHaveLength(estimated.length);
  expect(Math.max(...measured)).toBeLessThanOrEqual(FAKE_MAX_REQUEST_BYTES);
  // The estimate is never more than a few per cent under what was sent.
  measured.forEach((bytes, i) => expect(bytes).toBeLessThanOrEqual(estimated[i] * 1.03 + 2048));
  expect(port.lastRun.retries).toBe(0);
});

it("sizes merges and page breaks too: an Analys row merged under each of 12 000 indicators", async () => {
  const rows: (OutCell | null)[][] = [];
  const merges: string[] = [];
  for (let r = 1; r <= 24000; r++) {
    rows.push(
      r % 2 ? [{ value: `Indikator ${r}` }, { value: r, format: "0" }, null] : [{ value: `Analys ${r}` }],
    );
    if (r % 2 === 0) merges.push(`A${r}:C${r}`);
  }
  const pageBreaks = Array.from({ length: 800 }, (_, i) => 30 * (i + 1) + 1);
  const spec: SheetSpec = { key: "indikatorer", rows, columnWidths: [40, 10, 10], merges, pageBreaks };
  const { context, fake, workbook } = createFakeExcel({ sheets: [userSheet] });
  const port = webPort(context);
  await port.write(emptyPlan({ sheets: [{ spec, name: "Målkoll Indikatorer", replaces: false }] }));
  const measured = fake.syncs.map((s) => s.bytes);
  measured.forEach((bytes, i) =>
    expect(bytes).toBeLessThanOrEqual(port.lastRun.requestBytes[i] * 1.03 + 2048),
  );
  expect(port.lastRun.retries).toBe(0);
  expect(workbook.sheet("Målkoll Indikatorer").merges).toHaveLength(12000);
  expect(workbook.sheet("Målkoll Indikatorer").pageBreaks).toEqual(pageBreaks);
});
