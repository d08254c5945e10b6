/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { MappingEditor } from "../../src/taskpane/components/MappingEditor";
import type { Indicator } from "../../src/engine/model/types";
import type { RecognisedTable } from "../../src/engine/recognise/types";
import { check } from "../../src/engine";
import type { CellValue, SheetGrid } from "../../src/engine/grid";
import { columnLetters } from "../../src/engine/grid";
import { snapshotOf } from "../helpers/seedGrid";
import { renderInPane } from "./render";

const table: RecognisedTable = {
  id: "Uppföljning!A10",
  type: "indicators-followup",
  sheet: "Uppföljning",
  headerRow: 10,
  repeatedHeaderRows: [],
  firstCol: 1,
  lastCol: 3,
  columns: [
    { col: 1, header: "Indikator", role: "name" },
    { col: 2, header: "Periodens utfall", role: "outcome" },
    { col: 3, header: "Konstig", role: null },
  ],
  rows: [{ row: 11, cells: [], analysis: null, continuedFrom: [] }],
  title: "",
  amountUnit: null,
  fromListObject: false,
};

const indicator = { name: "Sjukfrånvaro", sheet: "Uppföljning", row: 11, direction: "higher" } as Indicator;

describe("MappingEditor", () => {
  test("saves only what the person changed: a column role and a direction", () => {
    const onSave = jest.fn();
    renderInPane(
      <MappingEditor
        target={{ kind: "table", table }}
        sheets={[]}
        indicators={[indicator]}
        stored={undefined}
        storedDirections={[]}
        busy={false}
        onSave={onSave}
        onCancel={() => undefined}
      />,
    );
    fireEvent.change(screen.getByRole("combobox", { name: "C: Konstig" }), {
      target: { value: "target" },
    });
    fireEvent.change(screen.getByRole("combobox", { name: "Sjukfrånvaro" }), {
      target: { value: "lower" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken" }));
    expect(onSave).toHaveBeenCalledWith(
      { sheet: "Uppföljning", headerCell: "A10", columns: { C: "target" } },
      [{ sheet: "Uppföljning", row: 11, direction: "lower" }],
      [],
    );
  });

  test("a table can be skipped; stored choices are shown and kept", () => {
    const onSave = jest.fn();
    renderInPane(
      <MappingEditor
        target={{ kind: "table", table }}
        sheets={[]}
        indicators={[indicator]}
        stored={{ sheet: "Uppföljning", headerCell: "A10", columns: { C: "kfTarget" } }}
        storedDirections={[{ sheet: "Uppföljning", row: 11, direction: "lower" }]}
        busy={false}
        onSave={onSave}
        onCancel={() => undefined}
      />,
    );
    expect((screen.getByRole("combobox", { name: "C: Konstig" }) as HTMLSelectElement).value).toBe(
      "kfTarget",
    );
    expect((screen.getByRole("combobox", { name: "Sjukfrånvaro" }) as HTMLSelectElement).value).toBe("lower");
    fireEvent.change(screen.getByRole("combobox", { name: "Tabelltyp" }), { target: { value: "ignore" } });
    expect(screen.queryByRole("combobox", { name: /^C: / })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken" }));
    expect(onSave.mock.calls[0][0]).toEqual({
      sheet: "Uppföljning",
      headerCell: "A10",
      tableType: "ignore",
      columns: { C: "kfTarget" },
    });
  });

  test("nothing changed saves nothing", () => {
    const onSave = jest.fn();
    renderInPane(
      <MappingEditor
        target={{ kind: "table", table }}
        sheets={[]}
        indicators={[indicator]}
        stored={undefined}
        storedDirections={[]}
        busy={false}
        onSave={onSave}
        onCancel={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken" }));
    expect(onSave).toHaveBeenCalledWith(null, [], []);
  });
});

describe("MappingEditor's column roles", () => {
  const options = (select: HTMLElement) => [...select.querySelectorAll("option")].map((o) => o.textContent);
  const groups = (select: HTMLElement) =>
    [...select.querySelectorAll("optgroup")].map((g) => [g.label, [...g.children].map((o) => o.textContent)]);
  const editor = (target: RecognisedTable, onSave: () => void = () => undefined) =>
    renderInPane(
      <MappingEditor
        target={{ kind: "table", table: target }}
        sheets={[]}
        indicators={[]}
        stored={undefined}
        storedDirections={[]}
        busy={false}
        onSave={onSave}
        onCancel={() => undefined}
      />,
    );

  test("show a long role in full: the chosen role wraps between its words, never ends in …", () => {
    // At 200 % zoom the dropdown left ~95 CSS px for its text: `Utfall kvinnor…`, `Utfall män/po…`,
    // `Föregående u…`. Chromium wraps a self-drawn select's text when it may and may grow.
    const roles = ["outcomeMen", "outcomeWomen", "previous"] as const;
    editor({
      ...table,
      columns: roles.map((role, i) => ({ col: i + 1, header: `K${i}`, role })),
      lastCol: roles.length,
    });
    const chosen = roles.map((_, i) =>
      screen.getByRole("combobox", { name: `${columnLetters(i + 1)}: K${i}` }),
    );
    expect(chosen.map((s) => (s as HTMLSelectElement).selectedOptions[0].textContent)).toEqual([
      "Utfall män/pojkar",
      "Utfall kvinnor/flickor",
      "Föregående utfall",
    ]);
    for (const select of chosen) {
      const style = getComputedStyle(select);
      expect([style.whiteSpace, style.height]).toEqual(["normal", "auto"]);
    }
  });

  test("offer the table type's own roles only; a new type offers its own", () => {
    editor(table);
    const role = screen.getByRole("combobox", { name: "C: Konstig" });
    expect(options(role)).toEqual([
      "Okänd",
      "Namn",
      "Mål",
      "Målnivå",
      "Mål-id",
      "Periodens utfall",
      "Utfall män/pojkar",
      "Utfall kvinnor/flickor",
      "Föregående utfall",
      "Prognos helår",
      "Årsmål",
      "KF:s årsmål",
      "Period",
      "Periodicitet",
      "Enhet",
      "Riktning",
      "Bedömning (Uppfyllt, Delvis uppfyllt, Ej uppfyllt)",
      "Analys",
      "Kommentar",
      "Hoppa över",
    ]);
    expect(groups(role)).toEqual([]);

    fireEvent.change(screen.getByRole("combobox", { name: "Tabelltyp" }), {
      target: { value: "resultatenheter" },
    });
    const budgetRoles = options(screen.getByRole("combobox", { name: "C: Konstig" }));
    expect(budgetRoles).toEqual(
      expect.arrayContaining(["Budget", "Bruttobudget", "Eget handlande", "Hoppa över"]),
    );
    expect(budgetRoles).not.toContain("Årsmål");
    expect(budgetRoles).not.toContain("Startdatum");
  });

  test("keep a column's role of another type in its list, chosen, apart from the type's own", () => {
    editor(table);
    fireEvent.change(screen.getByRole("combobox", { name: "Tabelltyp" }), {
      target: { value: "driftbudget-namnd" },
    });
    const outcome = screen.getByRole("combobox", { name: "B: Periodens utfall" }) as HTMLSelectElement;
    expect(outcome.value).toBe("outcome");
    expect(groups(outcome)).toEqual([["Roll från en annan tabelltyp", ["Periodens utfall"]]]);
    // Namn belongs to both types: nothing apart.
    expect(groups(screen.getByRole("combobox", { name: "A: Indikator" }))).toEqual([]);
    // Chosen anew, the column's old role is still there to go back to.
    fireEvent.change(outcome, { target: { value: "budget" } });
    expect(groups(outcome)).toEqual([["Roll från en annan tabelltyp", ["Periodens utfall"]]]);
  });

  test("show a mis-recognised table's column as read and save nothing if left so", () => {
    // A column read by another type's vocabulary: a table taken for the wrong type, or an Excel table mixing both.
    const mixed: RecognisedTable = {
      ...table,
      columns: [
        { col: 1, header: "Indikator", role: "name" },
        { col: 2, header: "Budget 2022", role: "budget" },
        { col: 3, header: "Årsmål 2022", role: "target" },
      ],
    };
    const onSave = jest.fn();
    editor(mixed, onSave);
    const budget = screen.getByRole("combobox", { name: "B: Budget 2022" }) as HTMLSelectElement;
    expect(budget.value).toBe("budget");
    expect(budget.selectedOptions[0].textContent).toBe("Budget");
    expect(groups(budget)).toEqual([["Roll från en annan tabelltyp", ["Budget"]]]);
    fireEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken" }));
    expect(onSave).toHaveBeenCalledWith(null, [], []);
  });
});

describe("MappingEditor on a block Målkoll could not read", () => {
  const lista = {
    name: "Lista",
    visibility: "visible" as const,
    originRow: 1,
    originCol: 1,
    values: [
      ["Enhet", "Antal"],
      ["Skarpnäck", 12],
      ["Farsta", 7],
    ],
  };
  const editor = (listed: boolean, onSave: jest.Mock) =>
    renderInPane(
      <MappingEditor
        target={{ kind: "block", sheet: "Lista", headerCell: "A1", listed }}
        sheets={[lista]}
        indicators={[]}
        stored={undefined}
        storedDirections={[]}
        busy={false}
        onSave={onSave}
        onCancel={() => undefined}
      />,
    );

  test("can be declared no table: only that is saved, no type or columns asked for", () => {
    const onSave = jest.fn();
    editor(true, onSave);
    fireEvent.change(screen.getByRole("combobox", { name: "Tabelltyp" }), { target: { value: "ignore" } });
    expect(screen.getByRole("option", { name: "Det här är ingen tabell" })).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: /^A: / })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken" }));
    expect(onSave).toHaveBeenCalledWith({ sheet: "Lista", headerCell: "A1", tableType: "ignore" }, [], []);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("a table the person points out themselves has no such choice", () => {
    editor(false, jest.fn());
    expect(screen.queryByRole("option", { name: "Det här är ingen tabell" })).toBeNull();
  });

  test("is titled by the action that opened it: a block Målkoll found, or a table pointed out", () => {
    const found = editor(true, jest.fn());
    expect(screen.getByRole("heading").textContent).toBe("Tolka blocket: Lista!A1");
    found.unmount();
    editor(false, jest.fn());
    expect(screen.getByRole("heading").textContent).toBe("Peka ut en tabell: Lista!A1");
  });
});

describe("MappingEditor's title", () => {
  test("quotes a sheet name with a space as Excel and the findings do ('VB 2020'!A10)", () => {
    renderInPane(
      <MappingEditor
        target={{ kind: "table", table: { ...table, id: "VB 2020!A10", sheet: "VB 2020" } }}
        sheets={[]}
        indicators={[]}
        stored={undefined}
        storedDirections={[]}
        busy={false}
        onSave={jest.fn()}
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByRole("heading").textContent).toBe("Rätta tolkning: 'VB 2020'!A10");
  });
});

describe("Hoppa över for a header the sheet's other tables leave unread too", () => {
  /** The sheet's activity tables, each with `Ansvarig` read as nothing (tests/fixtures/workbooks/ansvarig.ts). */
  const activities = (headerRow: number, ansvarig: RecognisedTable["columns"][number]["role"] = null) =>
    ({
      ...table,
      id: `Mål!A${headerRow}`,
      type: "activities",
      sheet: "Mål",
      headerRow,
      lastCol: 5,
      columns: [
        { col: 1, header: "Aktivitet", role: "name" },
        { col: 2, header: "Ansvarig", role: ansvarig },
        { col: 3, header: "Startdatum", role: "start" },
        { col: 4, header: "Slutdatum", role: "end" },
        { col: 5, header: "Avvikelse", role: "deviationFlag" },
      ],
    }) as RecognisedTable;

  function editorFor(sheetTables: RecognisedTable[], onSave: jest.Mock) {
    renderInPane(
      <MappingEditor
        target={{ kind: "table", table: sheetTables[0] }}
        sheets={[]}
        indicators={[]}
        stored={undefined}
        sheetTables={sheetTables}
        storedDirections={[]}
        busy={false}
        onSave={onSave}
        onCancel={() => undefined}
      />,
    );
  }

  test("skips it in every table of the sheet unless the person keeps it to this one", () => {
    // B99's Ansvarig is already skipped: it is left as it is.
    const tables = [activities(25), activities(68), activities(99, "ignore"), activities(128)];
    const onSave = jest.fn();
    editorFor(tables, onSave);
    expect(screen.queryByRole("checkbox")).toBeNull();
    fireEvent.change(screen.getByRole("combobox", { name: "B: Ansvarig" }), { target: { value: "ignore" } });
    const all = screen.getByRole("checkbox", { name: "Hoppa över ”Ansvarig” i alla 3 tabeller på bladet" });
    expect((all as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken" }));
    expect(onSave).toHaveBeenCalledWith(
      { sheet: "Mål", headerCell: "A25", columns: { B: "ignore" } },
      [],
      [
        { sheet: "Mål", headerCell: "A68", column: "B", role: "ignore" },
        { sheet: "Mål", headerCell: "A128", column: "B", role: "ignore" },
      ],
    );
  });

  test("only in this table when the box is cleared; no box for another role", () => {
    const onSave = jest.fn();
    editorFor([activities(25), activities(68)], onSave);
    const ansvarig = screen.getByRole("combobox", { name: "B: Ansvarig" });
    fireEvent.change(ansvarig, { target: { value: "comment" } });
    expect(screen.queryByRole("checkbox")).toBeNull();
    fireEvent.change(ansvarig, { target: { value: "ignore" } });
    fireEvent.click(screen.getByRole("checkbox", { name: /^Hoppa över ”Ansvarig” i alla 2 tabeller/ }));
    fireEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken" }));
    expect(onSave).toHaveBeenCalledWith(
      { sheet: "Mål", headerCell: "A25", columns: { B: "ignore" } },
      [],
      [],
    );
  });
});

describe("a level column's role as Rätta tolkning shows it", () => {
  const editorFor = (values: CellValue[][]) => {
    const grid: SheetGrid = {
      name: "Indikatorer",
      visibility: "visible",
      originRow: 1,
      originCol: 1,
      values,
    };
    const [read] = check(snapshotOf(grid)).recognition.tables;
    renderInPane(
      <MappingEditor
        target={{ kind: "table", table: read }}
        sheets={[grid]}
        indicators={[]}
        stored={undefined}
        storedDirections={[]}
        busy={false}
        onSave={jest.fn()}
        onCancel={() => undefined}
      />,
    );
    return (screen.getByRole("combobox", { name: "A: Nivå" }) as HTMLSelectElement).value;
  };

  test("a Nivå of Hög/Låg, reported as not read, is shown with no role, not as Målnivå", () => {
    expect(
      editorFor([
        ["Nivå", "Mål", "Indikator", "Periodens utfall", "Årsmål", "Period"],
        ["Hög", "Barnen lär sig", "Andel nöjda", 0.8, 0.9, "VB 2021"],
        ["Låg", "Tryggt", "Andel trygga", 0.5, 0.9, "VB 2021"],
      ]),
    ).toBe("");
  });

  test("an empty Nivå column (a new template) keeps Målnivå: the check reports nothing about it", () => {
    expect(
      editorFor([
        ["Nivå", "Mål", "Indikator", "Periodens utfall", "Årsmål", "Period"],
        [null, "Barnen lär sig", "Andel nöjda", 0.8, 0.9, "VB 2021"],
        [null, "Tryggt", "Andel trygga", 0.5, 0.9, "VB 2021"],
      ]),
    ).toBe("goalLevel");
  });

  test("a Nivå of goal levels is shown as Målnivå", () => {
    expect(
      editorFor([
        ["Nivå", "Mål", "Indikator", "Periodens utfall", "Årsmål", "Period"],
        ["Nämndmål", "Barnen lär sig", "Andel nöjda", 0.8, 0.9, "VB 2021"],
        ["Enhetsmål", "Tryggt", "Andel trygga", 0.5, 0.9, "VB 2021"],
      ]),
    ).toBe("goalLevel");
  });
});
