/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { PeriodBar } from "../../src/taskpane/components/PeriodBar";
import { result } from "./fixtures";
import { renderInPane } from "./render";

/** The bar as the pane holds it, with a button elsewhere that opens it (Kontrollera's Välj period). */
function Harness({ onChoose = () => undefined }: { onChoose?(p: unknown): void }) {
  const [editing, setEditing] = useState(false);
  return (
    <>
      <PeriodBar
        chosen={null}
        result={result()}
        busy={false}
        editing={editing}
        onEditing={setEditing}
        onChoose={onChoose}
      />
      <button type="button" onClick={() => setEditing(true)}>
        Välj period
      </button>
    </>
  );
}

describe("PeriodBar's editor", () => {
  test("Escape closes it like Avbryt, and focus goes back to the bar's button that opened it", () => {
    const onChoose = jest.fn();
    renderInPane(<Harness onChoose={onChoose} />);
    const change = screen.getByRole("button", { name: "Ändra period" });
    change.focus();
    fireEvent.click(change);
    const kind = screen.getByRole("combobox", { name: "Period" });
    expect(document.activeElement).toBe(kind);
    fireEvent.keyDown(kind, { key: "Escape" });
    expect(screen.queryByRole("combobox", { name: "Period" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Ändra period" }));
    expect(onChoose).not.toHaveBeenCalled();
  });

  test("opened from elsewhere, Escape or Avbryt returns focus to the button that opened it", () => {
    renderInPane(<Harness />);
    const opener = screen.getByRole("button", { name: "Välj period" });
    opener.focus();
    fireEvent.click(opener);
    fireEvent.keyDown(screen.getByRole("textbox", { name: "År" }), { key: "Escape" });
    expect(screen.queryByRole("textbox", { name: "År" })).toBeNull();
    expect(document.activeElement).toBe(opener);

    opener.focus();
    fireEvent.click(opener);
    fireEvent.click(screen.getByRole("button", { name: "Avbryt" }));
    expect(document.activeElement).toBe(opener);
  });
});
