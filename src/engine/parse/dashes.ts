/** `-`, `–`, `..`, `x`, `n/a`, `saknas`, `ej aktuellt`: the reports' ways of writing "no value". */
const DASH = /^([-–—.]+|x|n\/a|saknas|ej aktuellt)$/i;

/** Whether a cell's text stands for "no value" (no finding), rather than a value that can't be read. */
export function isDash(text: string): boolean {
  return DASH.test(text);
}
