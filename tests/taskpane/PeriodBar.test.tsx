/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { PeriodBar } from "../../src/taskpane/components/PeriodBar";
import type { CheckResult } from "../../src/engine";
import { check } from "../../src/engine";
import { plainSheet, snapshotOf } from "../helpers/seedGrid";
import { result } from "./fixtures";
import { renderInPane } from "./render";

/**
 * The bar as the pane holds it, with a button elsewhere that opens it (Kontrollera's Välj period).
 * `busyOnChoose`: a chosen period starts the check, as the pane's does, and the bar is busy.
 */
function Harness({
  onChoose = () => undefined,
  busyOnChoose = false,
  checked = result(),
}: {
  onChoose?(p: unknown): void;
  busyOnChoose?: boolean;
  checked?: CheckResult;
}) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <PeriodBar
        chosen={null}
        result={checked}
        busy={busy}
        editing={editing}
        onEditing={setEditing}
        onChoose={(p) => {
          onChoose(p);
          if (busyOnChoose) setBusy(true);
        }}
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

  test("Använd pressed with Enter: focus stays on the bar's button while the check runs (walk of 7 December)", () => {
    const onChoose = jest.fn();
    renderInPane(<Harness onChoose={onChoose} busyOnChoose />);
    const change = screen.getByRole("button", { name: "Ändra period" });
    change.focus();
    fireEvent.click(change);
    fireEvent.change(screen.getByRole("textbox", { name: "År" }), { target: { value: "2021" } });
    fireEvent.submit(screen.getByRole("button", { name: "Använd" }));
    expect(onChoose).toHaveBeenCalledTimes(1);
    const opener = screen.getByRole("button", { name: "Ändra period" });
    expect(document.activeElement).toBe(opener);
    expect(opener.getAttribute("aria-disabled")).toBe("true");
  });
});

describe("PeriodBar's year, where the workbook names no period it can judge", () => {
  // A plan's cover (003's title) over a table copied from a follow-up: its period is asked for.
  const unknown = () =>
    check(
      snapshotOf(
        plainSheet("Försättsblad", [["Verksamhetsplan 2022 för Hägersten-Älvsjö stadsdelsnämnd"]]),
        plainSheet("Mål", [
          ["Indikator", "Periodens utfall", "Årsmål 2022", "Period"],
          ["Sjukfrånvaro", 0.061, 0.055, "Tertial"],
        ]),
      ),
    );

  test("picking Verksamhetsplan fills in the year the plan names; a year typed first stays", () => {
    const checked = unknown();
    expect(checked.model.period.kind).toBeNull();
    renderInPane(<Harness checked={checked} />);
    // The bar's own button (the harness's stands after it).
    fireEvent.click(screen.getAllByRole("button", { name: "Välj period" })[0]);
    const year = screen.getByRole("textbox", { name: "År" }) as HTMLInputElement;
    expect(year.value).toBe("");
    fireEvent.change(screen.getByRole("combobox", { name: "Period" }), { target: { value: "VP" } });
    expect(year.value).toBe("2022");
    fireEvent.change(year, { target: { value: "2023" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Period" }), { target: { value: "T2" } });
    expect(year.value).toBe("2023");
  });
});
