import {
  parseYear,
  periodLabel,
  periodName,
  shownPeriod,
  yearMissing,
} from "../../../src/taskpane/state/period";
import { MODEL_WITH_UNITS, result } from "../fixtures";

describe("the pane's one period", () => {
  const read = (
    period = result().model.period,
    periodCells = [] as { sheet: string; cell: string; text: string; title?: true }[],
  ) =>
    result({
      model: { ...result().model, period },
      recognition: {
        tables: [],
        goals: [],
        periodCells,
        unrecognised: [],
        leftOut: [],
        hiddenSheets: [],
        unreadGoalLists: [],
        unreadListColumns: [],
        unreadHeadings: [],
        crossTables: [],
      },
    });

  test("before the first read it is to be read, never a date", () => {
    expect(shownPeriod(null, null)).toEqual({ kind: null, year: null, origin: "unread", cell: null });
  });

  test("a period the sheet's name gives is said to come from that name, not from a cell", () => {
    const shown = shownPeriod(null, read({ kind: "T2", year: 2021, source: "sheet", yearSheet: "T2 2021" }));
    expect(shown).toEqual({ kind: "T2", year: 2021, origin: "workbook", cell: null, sheetName: "T2 2021" });
  });

  test("a Period cell is named as the source before a title naming the same period", () => {
    const r = read({ kind: "T2", year: 2021, source: "cell" }, [
      { sheet: "Ekonomi", cell: "A1", text: "Tertial 2 2021", title: true },
      { sheet: "Uppföljning", cell: "I120", text: "Tertial 2 2021" },
    ]);
    expect(shownPeriod(null, r).cell).toBe("Uppföljning!I120");
    const titleOnly = read({ kind: "T2", year: 2021, source: "cell" }, [
      { sheet: "Ekonomi", cell: "A1", text: "Tertial 2 2021", title: true },
    ]);
    expect(shownPeriod(null, titleOnly).cell).toBe("Ekonomi!A1");
  });

  test("read from the workbook, with the cell it came from", () => {
    const r = read({ kind: "T2", year: 2021, source: "cell" }, [
      { sheet: "Uppföljning", cell: "I5", text: "2021" },
      { sheet: "Uppföljning", cell: "I120", text: "Tertial 2 2021" },
    ]);
    expect(shownPeriod(null, r)).toEqual({
      kind: "T2",
      year: 2021,
      origin: "workbook",
      cell: "Uppföljning!I120",
    });
  });

  test("a plan, none at all, and the person's choice winning over both", () => {
    expect(shownPeriod(null, read({ kind: "VP", year: 2022, source: "plan" })).origin).toBe("plan");
    expect(shownPeriod(null, read({ kind: null, year: null, source: "none" }))).toEqual({
      kind: null,
      year: null,
      origin: "none",
      cell: null,
    });
    expect(shownPeriod({ kind: "VB", year: 2021 }, read({ kind: null, year: null, source: "none" }))).toEqual(
      {
        kind: "VB",
        year: 2021,
        origin: "chosen",
        cell: null,
      },
    );
  });

  test("none, where nothing read is judged by a period (cross tables alone, or nothing): not needed", () => {
    const empty = read({ kind: null, year: null, source: "none" });
    empty.model = { ...empty.model, goals: [], indicators: [], activities: [], budget: [] };
    expect(shownPeriod(null, empty).origin).toBe("unneeded");
    // One budget row is enough to need one again; a chosen period is shown as chosen.
    const oneRow = { ...empty, model: { ...empty.model, budget: MODEL_WITH_UNITS.budget.slice(0, 1) } };
    expect(shownPeriod(null, oneRow).origin).toBe("none");
    expect(shownPeriod({ kind: "T2", year: 2021 }, empty).origin).toBe("chosen");
    // A Period cell `T2` without a year beside cross tables alone: shown, but no year asked for.
    const t2 = {
      ...empty,
      model: { ...empty.model, period: { kind: "T2" as const, year: null, source: "cell" as const } },
    };
    expect(shownPeriod(null, t2)).toMatchObject({ kind: "T2", year: null, origin: "unneeded" });
    expect(yearMissing(shownPeriod(null, t2))).toBe(false);
  });

  test("names and typed years", () => {
    expect(periodName({ kind: "T2", year: 2021 })).toBe("T2 2021");
    expect(periodName({ kind: "VP", year: null })).toBe("VP");
    expect(parseYear(" 2021 ")).toBe(2021);
    expect(parseYear("21")).toBeNull();
    expect(parseYear("2021a")).toBeNull();
    expect(parseYear("1789")).toBeNull();
  });
});

test("the period in the pane's words, in each language's", () => {
  const kinds = { T1: "Tertial 1", T2: "Tertial 2", VB: "Annual report", VP: "Business plan" };
  expect(periodLabel({ kind: "VB", year: 2020 }, kinds)).toBe("Annual report 2020");
  expect(periodLabel({ kind: "VP", year: null }, kinds)).toBe("Business plan");
});
