/**
 * A test file that skips tests for want of a program (Chromium, LibreOffice, poppler, the Carlito
 * font) names itself here when `MALKOLL_TOOL_SKIPS` holds a file path. CI's run as a new user
 * (.ci/fresh-machine, none of those programs) lists them; the run with the programs (.ci/run) runs
 * those files, and any with a skipped test, again. A file that skips inside a test (a test that
 * returns early without LibreOffice) passes there and would otherwise not be run with the program.
 */
import fs from "fs";

/** jest's `expect`, read from the global scope: scripts outside jest use the same helpers. */
type JestExpect = { getState(): { testPath?: string } };

export function recordToolSkip(): void {
  const log = process.env.MALKOLL_TOOL_SKIPS;
  const testPath = (globalThis as { expect?: JestExpect }).expect?.getState().testPath;
  if (log && testPath) fs.appendFileSync(log, `${testPath}\n`);
}
