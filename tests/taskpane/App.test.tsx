/** @jest-environment jsdom */
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { decodeState } from "../../src/engine/state";
import { HostError, toHostError } from "../../src/ports/office/errors";
import { MemoryPort } from "../../src/ports/memory/memoryPort";
import { App } from "../../src/taskpane/App";
import type { WithPort } from "../../src/taskpane/state/usePane";

// A find waits 1 s by default; with two test workers on two cores the pane's first render and its
// lazy chunks can take longer. A wait, not a timing assertion: a failure only takes longer to show.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no ResizeObserver; Fluent's MessageBar only needs one to exist.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

// Two verbatim seed rows (002 lines 271–272) under a goal heading, as a pasted sheet.
function port(): MemoryPort {
  return new MemoryPort({
    name: "t.xlsx",
    sheets: [
      {
        name: "Uppföljning",
        visibility: "visible",
        originRow: 1,
        originCol: 1,
        values: [
          [
            "KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
          ],
          [],
          [
            "Indikator",
            "Periodens utfall",
            "Utfall män/ pojkar",
            "Utfall kvinn or/ flickor",
            "Periodens utfall VB 2020",
            "Prognos helår",
            "Årsmål",
            "KF:s årsmål",
            "Period",
          ],
          [
            "  Andel barn som lever i familjer som har ekonomiskt bistånd",
            "4,1 %",
            null,
            null,
            "3,7 %",
            "4 %",
            "3,3 %",
            "2,7 %",
            "Tertial 2 2021",
          ],
        ],
      },
    ],
  });
}

const stateOf = async (p: MemoryPort) =>
  decodeState((await p.read()).sheets.find((s) => s.name === "_malkoll"));

describe("App over a memory workbook", () => {
  test("Läs in shows the table; a corrected direction is stored in the workbook's state sheet", async () => {
    const memory = port();
    const withPort: WithPort = (work) => work(memory);
    render(<App withPort={withPort} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText("1 tabell hittad");
    expect(screen.getByText("Indikatorer (uppföljning)")).toBeTruthy();
    // The card names the goal the table serves, not the line above it.
    expect(screen.getByText(/· 1\.1 I Stockholm är människor självförsörjande/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Rätta tolkning" }));
    fireEvent.click(await screen.findByText("Riktning per indikator (1)")); // opens the folded list
    const direction = screen.getByRole("combobox", { name: /^Andel barn/ });
    expect((direction as HTMLSelectElement).value).toBe("lower"); // the engine knows bistånd shares are lower-is-better
    fireEvent.change(direction, { target: { value: "higher" } });
    fireEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken" }));
    await screen.findByText("Rättelsen är sparad i arbetsboken och kontrollen körd igen.");
    expect((await stateOf(memory)).directions).toEqual([
      { sheet: "Uppföljning", row: 4, direction: "higher" },
    ]);
  });

  test("settings are saved as setting rows", async () => {
    const memory = port();
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} initialStep="settings" />);
    fireEvent.change(await screen.findByRole("textbox", { name: /Tolerans för delvis uppfyllt/ }), {
      target: { value: "15" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Spara inställningar" }));
    await screen.findByText("Inställningarna är sparade i arbetsboken.");
    expect((await stateOf(memory)).settings).toEqual({ partlyMetTolerance: 0.15 });
  });

  test("Excel's AccessDenied on a read is told as a read; Försök igen repeats the read", async () => {
    const memory = port();
    let calls = 0;
    const flaky: WithPort = async (work) => {
      if (calls++ === 0) throw toHostError({ code: "AccessDenied", message: "Access denied" });
      return work(memory);
    };
    render(<App withPort={flaky} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Excel lät inte Målkoll läsa arbetsboken.");
    expect(alert.textContent).not.toContain("tillåter inte ändringen");
    fireEvent.click(screen.getByRole("button", { name: "Försök igen" }));
    await screen.findByText("1 tabell hittad");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("an Excel error is shown as a message a person understands, in their language", async () => {
    const failing: WithPort = async () => {
      throw new HostError(
        "cell-editing",
        "Excel är upptaget: en cell redigeras just nu.",
        "Excel is busy: a cell is being edited.",
        "InvalidOperationInCellEditMode",
        "",
      );
    };
    render(<App withPort={failing} language="en" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Read the workbook" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Excel is busy: a cell is being edited.");
    expect(alert.textContent).toContain("That did not work");
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });
});
