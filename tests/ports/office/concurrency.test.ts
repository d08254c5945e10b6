/**
 * Two people running Målkoll on one shared workbook: the state's `revision` and the lease of a
 * write in progress make the second run notice and refuse, saying when and from where the other
 * ran, instead of racing on `_malkoll`. Excel gives an add-in no user identity without sign-in, so
 * the message names the host and platform, not the person.
 */
import { runGenerate } from "../../../src/app/run";
import { STATE_SHEET } from "../../../src/engine/report/spec";
import type { HostError } from "../../../src/ports/office/errors";
import { isScratchSheet } from "../../../src/ports/office/journal";
import { contextFor, createFakeExcel } from "../../helpers/fakeExcel";
import type { FakeWorkbook } from "../../helpers/fakeExcel";
import { seedAtLines } from "../../helpers/seedAtLines";
import { a1 } from "../../../src/engine/grid";
import { NOW, emptyPlan, stateOf, stateRowsOf, userSheet, webPort } from "./support";

const WINDOWS = { host: "Excel", platform: "PC", version: "16.0.17928.20156" };

function seeded() {
  const grid = seedAtLines("002-t2-kf-1.1.txt", "Uppföljning");
  return createFakeExcel({
    sheets: [{ name: grid.name, origin: a1(grid.originRow, grid.originCol), values: grid.values }],
  });
}

function sheetNames(workbook: FakeWorkbook): string[] {
  return workbook.sheets.map((s) => s.name);
}

it("a write after a colleague's run refuses, says when and from where, and changes nothing", async () => {
  const { workbook } = seeded();
  const mine = webPort(contextFor(workbook).context);
  const theirs = webPort(contextFor(workbook).context, {
    hostInfo: WINDOWS,
    now: () => new Date("2021-09-15T08:05:00Z"),
  });
  await mine.read();
  await runGenerate(theirs, { host: "excel", now: NOW });
  const afterTheirs = JSON.stringify([sheetNames(workbook), stateRowsOf(workbook)]);
  expect(stateOf(workbook).revision).toMatchObject({
    number: 1,
    platform: "PC",
    host: "Excel 16.0.17928.20156",
  });

  const error = (await mine
    .write(emptyPlan({ state: [["malkoll", 1]] }))
    .catch((e: unknown) => e)) as HostError;
  expect(error.kind).toBe("concurrent");
  expect(error.message).toMatch(
    /kördes i den här arbetsboken av någon annan 2021-09-15 \d\d:05 \(Excel för Windows, Excel 16\.0\.17928\.20156\).*Inget ändrades/,
  );
  expect(error.text("en")).toMatch(/Excel for Windows/);
  expect(JSON.stringify([sheetNames(workbook), stateRowsOf(workbook)])).toBe(afterTheirs);

  // Read again, and the write goes through.
  await mine.read();
  await mine.write(emptyPlan({ state: [["malkoll", 1]] }));
  expect(stateOf(workbook).revision?.number).toBe(2);
});

it("settings saved by two people at once: the second save is refused rather than lost silently", async () => {
  const { workbook } = createFakeExcel({ sheets: [userSheet] });
  const first = webPort(contextFor(workbook).context);
  const second = webPort(contextFor(workbook).context);
  await first.read();
  await second.read();
  await first.write(
    emptyPlan({
      state: [
        ["malkoll", 1],
        ["setting", "partlyMetTolerance", 0.2],
      ],
    }),
  );
  const error = (await second
    .write(
      emptyPlan({
        state: [
          ["malkoll", 1],
          ["setting", "budgetDeviationShare", 0.02],
        ],
      }),
    )
    .catch((e: unknown) => e)) as HostError;
  expect(error.kind).toBe("concurrent");
  expect(stateOf(workbook).settings).toEqual({ partlyMetTolerance: 0.2 });
});

it("a colleague's run that commits while this one builds is caught before the swap; the build is removed", async () => {
  const { workbook } = seeded();
  await runGenerate(webPort(contextFor(workbook).context), { host: "excel", now: NOW });
  const before = JSON.stringify(sheetNames(workbook));

  const next = contextFor(workbook);
  const port = webPort(next.context);
  // Syncs of the second run: 3 reads, the check, then the build; before the build request is sent
  // a colleague's run commits (their revision lands in _malkoll).
  next.fake.between(4, () => {
    const state = workbook.sheet(STATE_SHEET);
    for (const [key, cell] of state.cells) {
      const [r, c] = key.split(",").map(Number);
      if (c === 0 && cell.value === "revision") {
        state.ensure(r, 1).value = 7;
        state.ensure(r, 2).value = "2021-09-15T08:03:00.000Z";
        state.ensure(r, 4).value = "Mac";
      }
    }
  });
  const error = (await runGenerate(port, { host: "excel", now: NOW }).catch((e: unknown) => e)) as HostError;
  expect(error.kind).toBe("concurrent");
  expect(error.message).toMatch(/Excel för Mac/);
  expect(JSON.stringify(sheetNames(workbook))).toBe(before);
  expect(workbook.sheets.filter((s) => isScratchSheet(s.name))).toEqual([]);
});

describe("a write in progress elsewhere (its lease in _malkoll)", () => {
  function withLease(heartbeat: string) {
    const { workbook } = createFakeExcel({
      sheets: [
        userSheet,
        {
          name: STATE_SHEET,
          visibility: "VeryHidden",
          values: [
            ["malkoll", 1],
            [
              "lease",
              "annan1",
              heartbeat,
              "Excel 16.0.1",
              "Mac",
              JSON.stringify({
                builds: [{ temp: "_malkoll~annan1~1", final: "Målkoll Indikatorer" }],
                parked: [],
                renames: [],
              }),
            ],
          ],
        },
        { name: "_malkoll~annan1~1", visibility: "VeryHidden", values: [["halvfärdig"]] },
      ],
    });
    return workbook;
  }

  it("is left alone while its heartbeat is fresh: reads leave its sheets out, writes wait", async () => {
    const workbook = withLease("2021-09-15T07:59:40.000Z");
    const port = webPort(contextFor(workbook).context);
    const snapshot = await port.read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Uppföljning", STATE_SHEET]);
    expect(workbook.find("_malkoll~annan1~1")).toBeDefined();
    const error = (await port
      .write(emptyPlan({ state: [["malkoll", 1]] }))
      .catch((e: unknown) => e)) as HostError;
    expect(error.kind).toBe("busy");
    expect(error.message).toMatch(/skriver just nu.*Excel för Mac.*Vänta en minut/);
  });

  it("is undone once its heartbeat is a minute old (the run is gone)", async () => {
    const workbook = withLease("2021-09-15T07:58:00.000Z");
    const port = webPort(contextFor(workbook).context);
    await port.read();
    expect(sheetNames(workbook)).toEqual(["Uppföljning", STATE_SHEET]);
    expect(stateRowsOf(workbook)).toEqual([["malkoll", 1]]);
    await port.write(emptyPlan({ state: [["malkoll", 1]] }));
    expect(stateOf(workbook).revision?.number).toBe(1);
  });
});
