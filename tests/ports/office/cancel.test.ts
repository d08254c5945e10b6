/**
 * Cancelling a generate: until the swap (`canCancelWrite`) the write stops between requests,
 * removes what it built and leaves the workbook as it was; from `committing` on it runs to its end.
 */
import { runGenerate } from "../../../src/app/run";
import { a1 } from "../../../src/engine/grid";
import { isScratchSheet } from "../../../src/ports/office/journal";
import type { WritePhase } from "../../../src/ports/port";
import { canCancelWrite } from "../../../src/ports/port";
import { createFakeExcel } from "../../helpers/fakeExcel";
import { seedAtLines } from "../../helpers/seedAtLines";
import { NOW, stateOf, webPort } from "./support";

function seeded() {
  const grid = seedAtLines("002-t2-kf-1.1.txt", "Uppföljning");
  return createFakeExcel({
    sheets: [{ name: grid.name, origin: a1(grid.originRow, grid.originCol), values: grid.values }],
  });
}

it("names the phases in order and says which can be cancelled", async () => {
  const { context } = seeded();
  const phases: WritePhase[] = [];
  await runGenerate(webPort(context), { host: "excel", now: NOW, onWritePhase: (p) => phases.push(p) });
  expect(phases).toEqual(["checking", "building", "committing", "finishing", "done"]);
  expect(phases.map(canCancelWrite)).toEqual([true, true, false, false, false]);
});

it("a cancel while building stops before the swap, removes the build and changes nothing", async () => {
  const { context, fake, workbook } = seeded();
  const before = JSON.stringify([...workbook.sheet("Uppföljning").cells]);
  const controller = new AbortController();
  // Small requests, so the build takes several; the cancel comes after three of them.
  fake.between(7, () => controller.abort());
  const error = (await runGenerate(webPort(context, { payloadSyncBytes: 20_000 }), {
    host: "excel",
    now: NOW,
    signal: controller.signal,
  }).catch((e: unknown) => e)) as Error;
  expect(error.name).toBe("AbortError");
  expect(fake.syncs.slice(4, 7).every((s) => s.actions.some((a) => a.includes("_malkoll~")))).toBe(true);
  expect(workbook.sheets.filter((s) => s.visibility !== "VeryHidden").map((s) => s.name)).toEqual([
    "Uppföljning",
  ]);
  expect(workbook.sheets.some((s) => isScratchSheet(s.name))).toBe(false);
  expect(stateOf(workbook).owned).toEqual([]);
  expect(JSON.stringify([...workbook.sheet("Uppföljning").cells])).toBe(before);
});

it("a cancel once committing has begun is too late: the run completes", async () => {
  const { context, workbook } = seeded();
  const controller = new AbortController();
  await runGenerate(webPort(context), {
    host: "excel",
    now: NOW,
    signal: controller.signal,
    onWritePhase: (phase) => phase === "committing" && controller.abort(),
  });
  expect(stateOf(workbook).owned.map((o) => o.name)).toContain("Målkoll Indikatorer");
  expect(workbook.find("Målkoll Indikatorer")?.visibility).toBe("Visible");
});
