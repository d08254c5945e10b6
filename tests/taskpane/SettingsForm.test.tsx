/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { SettingsForm } from "../../src/taskpane/components/SettingsForm";
import type { Settings } from "../../src/engine/settings";
import { renderInPane } from "./render";

function Harness({
  onSave,
  initial = {},
  saved = {},
}: {
  onSave(): void;
  initial?: Partial<Record<keyof Settings, string>>;
  saved?: Partial<Record<keyof Settings, string>>;
}) {
  const [draft, setDraft] = useState(initial);
  return (
    <SettingsForm
      draft={draft}
      saved={saved}
      busy={false}
      onDraft={(key, text) => {
        const next = { ...draft };
        if (text === null) delete next[key];
        else next[key] = text;
        setDraft(next);
      }}
      onSave={onSave}
    />
  );
}

describe("SettingsForm", () => {
  test("shows every rule with its default and a one-line explanation", () => {
    renderInPane(<Harness onSave={() => undefined} />);
    expect(screen.getByRole("textbox", { name: /Tolerans för delvis uppfyllt/ })).toBeTruthy();
    expect(screen.getAllByText(/^Standard: 10\s%$/)).toHaveLength(2); // tolerance and carry-over cap
    expect(screen.getByText(/Standard: 0,5$/)).toBeTruthy();
    expect(screen.getByText(/får föra över högst så här stor andel/)).toBeTruthy();
  });

  test("a value out of range is explained and blocks saving; a good one saves", () => {
    const onSave = jest.fn();
    renderInPane(<Harness onSave={onSave} />);
    const input = screen.getByRole("textbox", { name: /Tak för resultatöverföring/ });
    fireEvent.change(input, { target: { value: "250" } });
    expect(screen.getByText("Ange ett tal mellan 0 och 100.")).toBeTruthy();
    expect(screen.queryByText(/Inte sparad|Ändrad/)).toBeNull(); // an invalid draft is no change
    const save = screen.getByRole("button", { name: "Spara inställningar" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(input, { target: { value: "12,5" } });
    expect(screen.queryByText(/Ange ett tal/)).toBeNull();
    expect(screen.getByText(/Inte sparad/)).toBeTruthy();
    fireEvent.click(save);
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  test("a stored override says so; Återställ standard clears it, unsaved until saved", () => {
    const stored = { partlyMetTolerance: "15" };
    renderInPane(<Harness onSave={() => undefined} initial={stored} saved={stored} />);
    expect(screen.getByText("Ändrad för arbetsboken")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Återställ standard" }));
    expect(
      (screen.getByRole("textbox", { name: /Tolerans för delvis uppfyllt/ }) as HTMLInputElement).value,
    ).toBe("");
    expect(screen.queryByText(/Ändrad för arbetsboken/)).toBeNull();
    expect(screen.getByText(/Inte sparad/)).toBeTruthy();
  });
});
