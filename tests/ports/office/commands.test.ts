import type { CheckResult } from "../../../src/engine";
import { finding } from "../../../src/engine/findings";
import { createFakeExcel, type FakeContext, type FakeWorkbook } from "../../helpers/fakeExcel";

jest.mock("../../../src/engine", () => {
  const actual = jest.requireActual("../../../src/engine");
  return { ...actual, check: jest.fn(actual.check) };
});

const store = new Map<string, string>();
const showAsTaskpane = jest.fn(() => Promise.resolve());
const associate = jest.fn();
let excel: { context: Excel.RequestContext; fake: FakeContext; workbook: FakeWorkbook };
let excelRun: (batch: (context: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> = (batch) =>
  batch(excel.context);

Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  },
  Office: {
    onReady: (callback: () => void) => {
      callback();
      return Promise.resolve();
    },
    actions: { associate },
    context: { requirements: { isSetSupported: (name: string) => name === "SharedRuntime" } },
    addin: { showAsTaskpane },
  },
  Excel: {
    run: (_options: unknown, batch: (context: Excel.RequestContext) => Promise<unknown>) => excelRun(batch),
  },
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const commands = require("../../../src/commands/commands") as typeof import("../../../src/commands/commands");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = require("../../../src/engine") as { check: jest.Mock };

function event(): Office.AddinCommands.Event & { completed: jest.Mock } {
  return { completed: jest.fn(), source: { id: "runCheck" } } as unknown as Office.AddinCommands.Event & {
    completed: jest.Mock;
  };
}

beforeEach(() => {
  store.clear();
  showAsTaskpane.mockClear();
  excelRun = (batch) => batch(excel.context);
  excel = createFakeExcel({
    sheets: [
      { name: "Start", values: [["Välkommen"]] },
      {
        name: "Uppföljning",
        values: [
          ["Indikator", "Utfall"],
          ["Andel", "#REF!"],
        ],
      },
    ],
  });
});

describe("ribbon command (action runCheck)", () => {
  it("is associated with the manifest's function name when Office is ready", () => {
    expect(associate).toHaveBeenCalledWith("runCheck", commands.ribbonCheck);
  });

  it("selects the first finding's cell, stores the summary for the pane and completes", async () => {
    engine.check.mockImplementationOnce((snapshot) => {
      const real = jest.requireActual("../../../src/engine").check(snapshot) as CheckResult;
      return {
        ...real,
        findings: [
          finding({
            code: "value-unparseable",
            sheet: "Uppföljning",
            cell: "B2",
            message: "Ej tal",
            messageEn: "Not a number",
          }),
          finding({
            code: "period-unknown",
            sheet: "Start",
            cell: "A1",
            message: "Period?",
            messageEn: "Period?",
          }),
        ],
      };
    });
    const e = event();
    await commands.ribbonCheck(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(excel.workbook.selection).toEqual({ sheet: "Uppföljning", address: "B2" });
    expect(excel.workbook.activeSheet).toBe("Uppföljning");
    // No shared runtime is declared, so the pane is never opened from here: it shows the summary.
    expect(showAsTaskpane).not.toHaveBeenCalled();
    expect(commands.lastRibbonCheck()).toMatchObject({
      errors: 1,
      warnings: 1,
      infos: 0,
      first: { sheet: "Uppföljning", cell: "B2", code: "value-unparseable" },
      failure: null,
    });
    expect(excel.fake.syncCount).toBe(3 + 1);
  });

  it("with no findings moves nothing and keeps the pane closed", async () => {
    engine.check.mockImplementationOnce(
      (snapshot) =>
        ({ ...jest.requireActual("../../../src/engine").check(snapshot), findings: [] }) as CheckResult,
    );
    const e = event();
    await commands.ribbonCheck(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(excel.workbook.selection).toBeNull();
    expect(showAsTaskpane).not.toHaveBeenCalled();
    expect(commands.lastRibbonCheck()).toMatchObject({ errors: 0, warnings: 0, first: null });
  });

  it("completes and stores a readable error when Excel fails", async () => {
    excel.fake.failNextSync("InvalidOperationInCellEditMode");
    const e = event();
    await commands.ribbonCheck(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(commands.lastRibbonCheck()?.failure?.message).toMatch(/cell redigeras/);
    expect(showAsTaskpane).not.toHaveBeenCalled();
  });

  it("completes when the engine itself throws", async () => {
    engine.check.mockImplementationOnce(() => {
      throw new Error("bug");
    });
    const e = event();
    await commands.ribbonCheck(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(commands.lastRibbonCheck()?.failure?.debug).toMatch(/bug/);
  });

  it("completes at the time limit when Excel never answers, and says so", async () => {
    jest.useFakeTimers();
    try {
      excelRun = () => new Promise(() => undefined);
      const e = event();
      const done = commands.ribbonCheck(e);
      await jest.advanceTimersByTimeAsync(commands.COMMAND_TIME_LIMIT_MS);
      await done;
      expect(e.completed).toHaveBeenCalledTimes(1);
      expect(commands.lastRibbonCheck()?.failure?.message).toMatch(/tog mer än 45 sekunder/);
    } finally {
      jest.useRealTimers();
    }
  });
});
