/// <reference types="office-js" />
/**
 * Office port figures over the recording fake (tests/helpers/fakeExcel.ts): `context.sync()` count
 * and the bytes of a whole generate run (read + write) as the fake measures them (the JSON sent and
 * loaded; Excel on the web refuses either over 5 MB), against the naive row-by-row writer; and the
 * syncs of the next read, when the workbook holds Målkoll's report sheets.
 * The triple-slash reference gives this file the Office.js types tsconfig.cli.json leaves out.
 */
import { runGenerate } from "../../src/app/run";
import type { WorkbookSnapshot } from "../../src/engine/grid";
import { OfficePort, PAYLOAD_SYNC_BYTES } from "../../src/ports/office/officePort";
import {
  createFakeExcel,
  FAKE_MAX_REQUEST_BYTES,
  FAKE_MAX_RESPONSE_BYTES,
  type FakeSheetInit,
} from "../../tests/helpers/fakeExcel";
import { naiveWrite } from "../../tests/helpers/naiveWrite";
import { mb } from "./measure";

function fakeSheets(snapshot: WorkbookSnapshot): FakeSheetInit[] {
  return snapshot.sheets.map((s) => ({ name: s.name, values: s.values, formats: s.formats }));
}

export async function benchOffice(
  label: string,
  snapshot: WorkbookSnapshot,
  naive = true,
): Promise<string[]> {
  const now = new Date("2021-09-15T08:00:00Z");
  const excel = createFakeExcel({ name: snapshot.name, sheets: fakeSheets(snapshot) });
  // Every API set, so the guarded paths (print setup, row heights) are measured too.
  const port = new OfficePort(excel.context, { isSetSupported: () => true, now: () => now });
  const { plan } = await runGenerate(port, { host: "excel", now });
  const writeStats = port.lastRun;
  const syncs = excel.fake.syncs;
  const total = syncs.reduce((n, s) => n + s.bytes, 0);
  const received = syncs.reduce((n, s) => n + s.responseBytes, 0);
  const writeBytes = writeStats.requestBytes.reduce((n, b) => n + b, 0);
  const refused = syncs.filter((s) => s.error).length;
  const budget = `constant + ceil(write payload / ${mb(PAYLOAD_SYNC_BYTES)}) = ${Math.ceil(writeBytes / PAYLOAD_SYNC_BYTES)} payload syncs`;
  const lines = [
    `${label}: plan writes ${plan.sheets.length} sheets, ${plan.sheets.reduce((n, s) => n + s.spec.rows.length, 0)} rows, ${plan.flags.length} flags`,
    `  OfficePort generate (read + write): ${excel.fake.syncCount} syncs (${refused} refused and sent again in halves), ${mb(total)} sent, ${mb(received)} received`,
    `  largest request: ${mb(excel.fake.maxBytes)}`,
    `  largest response: ${mb(excel.fake.maxResponse)}`,
    `  (limits ${mb(FAKE_MAX_REQUEST_BYTES)} each way)`,
    `  of which write(): ${writeStats.syncs} syncs for ${mb(writeBytes)} (${budget})`,
  ];
  const readFrom = excel.fake.syncCount;
  await port.read();
  const readAgain = excel.fake.syncs.slice(readFrom);
  lines.push(
    `  read after generate: ${readAgain.length} syncs (${readAgain.filter((s) => s.error).length} refused)`,
  );
  if (naive) {
    const baseline = createFakeExcel({ name: snapshot.name, sheets: fakeSheets(snapshot) });
    await naiveWrite(baseline.context, plan);
    const naiveTotal = baseline.fake.syncs.reduce((n, s) => n + s.bytes, 0);
    lines.push(
      `  Naive row-by-row writer (write only): ${baseline.fake.syncCount} syncs, ${mb(naiveTotal)} sent, largest request ${mb(baseline.fake.maxBytes)}`,
    );
  }
  if (excel.fake.maxBytes > FAKE_MAX_REQUEST_BYTES || excel.fake.maxResponse > FAKE_MAX_RESPONSE_BYTES)
    lines.push("  ✖ over the limit");
  return lines;
}
