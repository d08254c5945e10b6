/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { MappingEditor } from "../../src/taskpane/components/MappingEditor";
import type { Indicator } from "../../src/engine/model/types";
import type { RecognisedTable } from "../../src/engine/recognise/types";
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
    expect(onSave).toHaveBeenCalledWith(null, []);
  });
});

describe("MappingEditor's column roles", () => {
  const groups = (select: HTMLElement) =>
    [...select.querySelectorAll("optgroup")].map((g) => [g.label, [...g.children].map((o) => o.textContent)]);

  test("offer the table type's own roles first, and the others apart; a new type reorders them", () => {
    renderInPane(
      <MappingEditor
        target={{ kind: "table", table }}
        sheets={[]}
        indicators={[]}
        stored={undefined}
        storedDirections={[]}
        busy={false}
        onSave={() => undefined}
        onCancel={() => undefined}
      />,
    );
    const role = screen.getByRole("combobox", { name: "B: Periodens utfall" });
    const [own, others] = groups(role);
    expect(own[0]).toBe("Indikatorer (uppföljning)");
    expect(own[1]).toEqual(
      expect.arrayContaining(["Namn", "Periodens utfall", "Årsmål", "KF:s årsmål", "Hoppa över"]),
    );
    expect(own[1]).not.toContain("Bruttobudget");
    expect(own[1]).not.toContain("Eget handlande");
    expect(others[0]).toBe("Andra tabelltypers kolumner");
    expect(others[1]).toEqual(expect.arrayContaining(["Bruttobudget", "Eget handlande", "Startdatum"]));
    // Every role is still offered once.
    expect([...role.querySelectorAll("option")].length).toBe(1 + 31);

    fireEvent.change(screen.getByRole("combobox", { name: "Tabelltyp" }), {
      target: { value: "resultatenheter" },
    });
    const [budgetOwn] = groups(screen.getByRole("combobox", { name: "B: Periodens utfall" }));
    expect(budgetOwn[0]).toBe("Resultatenheter");
    expect(budgetOwn[1]).toEqual(expect.arrayContaining(["Bruttobudget", "Eget handlande"]));
    expect(budgetOwn[1]).not.toContain("Årsmål");
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
    expect(onSave).toHaveBeenCalledWith({ sheet: "Lista", headerCell: "A1", tableType: "ignore" }, []);
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
