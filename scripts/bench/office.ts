/// <reference types="office-js" />
/**
 * Office port figures over the recording fake (tests/helpers/fakeExcel.ts): `context.sync()` count
 * and request sizes of a whole generate run (read + write), against the naive row-by-row writer.
 * The triple-slash reference gives this file the Office.js types tsconfig.cli.json leaves out.
 */
import { runGenerate } from "../../src/app/run";
import type { WorkbookSnapshot } from "../../src/engine/grid";
import { OfficePort, PAYLOAD_SYNC_BYTES } from "../../src/ports/office/officePort";
import { createFakeExcel, FAKE_MAX_REQUEST_BYTES, type FakeSheetInit } from "../../tests/helpers/fakeExcel";
import { naiveWrite } from "../../tests/helpers/naiveWrite";
import { mb } from "./measure";

function fakeSheets(snapshot: WorkbookSnapshot): FakeSheetInit[] {
  return snapshot.sheets.map((s) => ({ name: s.name, values: s.values, formats: s.formats }));
}

export async function benchOffice(label: string, snapshot: WorkbookSnapshot): Promise<string[]> {
  const now = new Date("2021-09-15T08:00:00Z");
  const excel = createFakeExcel({ name: snapshot.name, sheets: fakeSheets(snapshot) });
  const port = new OfficePort(excel.context);
  const { plan } = await runGenerate(port, { host: "excel", now });
  const writeStats = port.lastRun;
  const total = excel.fake.syncs.reduce((n, s) => n + s.bytes, 0);
  const writeBytes = writeStats.requestBytes.reduce((n, b) => n + b, 0);

  const naive = createFakeExcel({ name: snapshot.name, sheets: fakeSheets(snapshot) });
  await naiveWrite(naive.context, plan);
  const naiveTotal = naive.fake.syncs.reduce((n, s) => n + s.bytes, 0);
  const budget = `constant + ceil(write payload / ${mb(PAYLOAD_SYNC_BYTES)}) = ${Math.ceil(writeBytes / PAYLOAD_SYNC_BYTES)} payload syncs`;
  return [
    `${label}: plan writes ${plan.sheets.length} sheets, ${plan.sheets.reduce((n, s) => n + s.spec.rows.length, 0)} rows, ${plan.flags.length} flags`,
    `  OfficePort generate (read + write): ${excel.fake.syncCount} syncs, ${mb(total)} sent, largest request ${mb(excel.fake.maxBytes)} (limit ${mb(FAKE_MAX_REQUEST_BYTES)})`,
    `  of which write(): ${writeStats.syncs} syncs for ${mb(writeBytes)} (${budget})`,
    `  Naive row-by-row writer (write only): ${naive.fake.syncCount} syncs, ${mb(naiveTotal)} sent, largest request ${mb(naive.fake.maxBytes)}`,
  ];
}
