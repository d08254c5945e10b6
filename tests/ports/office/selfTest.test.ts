/**
 * The probes of "Testa mot Excel" against the fake: each passes where Excel behaves as documented,
 * and fails where it does not (the fake made to behave otherwise), so a user's screenshot means
 * something. The scratch sheet is gone afterwards.
 */
import { runSelfTest } from "../../../src/ports/office/selfTest";
import { createFakeExcel, FAKE_MAX_REQUEST_BYTES } from "../../helpers/fakeExcel";
import { userSheet, WEB_HOST } from "./support";

const options = {
  isSetSupported: (_set: string, version: string) => Number(version.split(".")[1]) <= 17,
  hostInfo: WEB_HOST,
  now: () => new Date("2021-09-15T08:00:00Z"),
};

it("passes every probe in an Excel that behaves as documented, and deletes its sheet", async () => {
  const { context, fake, workbook } = createFakeExcel({ sheets: [userSheet] });
  const report = await runSelfTest(context, options);
  expect(report.probes.map((p) => [p.id, p.ok])).toEqual([
    ["text-prefixes", true],
    ["iso-date-text", true],
    ["date-system", true],
    ["flag-add-remove", true],
    ["large-write-read", true],
  ]);
  expect(report).toMatchObject({ excelApi: "1.17", host: WEB_HOST, cleanedUp: true });
  expect(report.probes[2].detail.sv).toBe(
    "arbetsboken räknar datum från 1900; 2021-08-31 skrevs och visas som 2021-08-31",
  );
  expect(report.probes[4].detail.sv).toMatch(/MB skrivet i [2-9] anrop.*läst i [2-9]/);
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Uppföljning"]);
  expect(fake.maxBytes).toBeLessThanOrEqual(FAKE_MAX_REQUEST_BYTES);
  expect(fake.syncs.reduce((n, s) => n + s.bytes, 0)).toBeGreaterThan(6 * 1024 * 1024);
});

it("reports a failed probe when Excel does not keep text as text", async () => {
  const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
  // An Excel that ignores the text format: typed-looking input is coerced anyway.
  const fake = context as unknown as { enqueue: (d: string, a: unknown, run: () => unknown) => void };
  const enqueue = fake.enqueue.bind(fake);
  fake.enqueue = (describe, args, run) =>
    enqueue(describe, args, describe.endsWith(".numberFormat") ? () => undefined : (run as () => void));
  const report = await runSelfTest(context, options);
  expect(report.probes.find((p) => p.id === "text-prefixes")).toMatchObject({ ok: false });
  expect(report.probes.find((p) => p.id === "iso-date-text")?.detail.sv).toMatch(/2021-08-31 blev 44439/);
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Uppföljning"]);
});

it("in a 1904 workbook, the date the port writes shows as the same day", async () => {
  const { context } = createFakeExcel({ sheets: [userSheet], date1904: true });
  const report = await runSelfTest(context, options);
  expect(report.probes.find((p) => p.id === "date-system")).toEqual({
    id: "date-system",
    ok: true,
    detail: {
      sv: "arbetsboken räknar datum från 1904; 2021-08-31 skrevs och visas som 2021-08-31",
      en: "the workbook counts dates from 1904; 2021-08-31 was written and shows as 2021-08-31",
    },
  });
});

it("reports a failed date probe when the workbook's date system is misjudged", async () => {
  const { context } = createFakeExcel({ sheets: [userSheet], date1904: true });
  // An Excel whose DATE() answered as a 1900 workbook although this one counts from 1904.
  const functions = (context.workbook as unknown as { functions: { date: unknown } }).functions;
  functions.date = () => ({ load: () => undefined, value: 1463 });
  const report = await runSelfTest(context, options);
  expect(report.probes.find((p) => p.id === "date-system")).toMatchObject({
    ok: false,
    detail: { sv: "arbetsboken räknar datum från 1900; 2021-08-31 skrevs och visas som 2025-09-01" },
  });
});
