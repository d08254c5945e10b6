/**
 * Which date system the open workbook counts in (see ../dateSystem.ts). Office.js has no property
 * for it (`Workbook.use1904DateSystem` is preview only), but Excel's DATE function answers in the
 * workbook's system: DATE(1904;1;2) is 1 in a 1904 workbook and 1 463 in a 1900 one.
 * `workbook.functions` (ExcelApi 1.2) evaluates it without a cell written, in a request the port
 * sends anyway.
 */
export function queueDateSystemProbe(workbook: Excel.Workbook): () => boolean {
  const secondDay = workbook.functions.date(1904, 1, 2);
  secondDay.load("value");
  return () => secondDay.value === 1;
}

/** Bytes the probe's answer adds to a response. */
export const DATE_SYSTEM_PROBE_BYTES = 64;
