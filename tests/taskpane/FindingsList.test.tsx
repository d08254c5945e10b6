/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { useState } from "react";
import { FindingsList } from "../../src/taskpane/components/FindingsList";
import type { Finding } from "../../src/engine/findings";
import type { FindingsFilter } from "../../src/taskpane/state/findings";
import { DEFAULT_FILTER } from "../../src/taskpane/state/findings";
import { FINDINGS, GOALS } from "./fixtures";
import { renderInPane } from "./render";

function Harness({ onSelect }: { onSelect(f: Finding): void }) {
  const [filter, setFilter] = useState<FindingsFilter>(DEFAULT_FILTER);
  return (
    <FindingsList
      findings={FINDINGS}
      goals={GOALS}
      filter={filter}
      onFilterChange={(f) => setFilter({ ...filter, ...f })}
      onSelect={onSelect}
    />
  );
}

const shownCodes = () =>
  screen
    .queryAllByRole("button")
    .filter((b) => b.dataset.finding)
    .map((b) => b.dataset.finding);

describe("FindingsList", () => {
  test("groups by severity with counts in words, and by goal", () => {
    renderInPane(<Harness onSelect={() => undefined} />);
    expect(screen.getByRole("region", { name: "Fel (1)" })).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "Varning (3)" })).getAllByRole("button")).toHaveLength(
      3,
    );
    expect(screen.getByText("1 fel")).toBeTruthy();
    expect(screen.getByText("3 varningar")).toBeTruthy();

    fireEvent.click(screen.getByRole("radio", { name: "Mål" }));
    const regions = screen.getAllByRole("region").map((r) => r.getAttribute("aria-label"));
    expect(regions).toEqual([
      "1.1 Självförsörjning (2)",
      "1.1.1 Invånare försörjer sig själva (1)",
      "1.2 Trygg stad (1)",
      "Utan mål (1)",
    ]);
  });

  test("Min enhet and Vad måste jag skriva? narrow the list", () => {
    renderInPane(<Harness onSelect={() => undefined} />);
    fireEvent.change(screen.getByRole("combobox", { name: "Min enhet" }), {
      target: { value: "Uppföljning!A1" },
    });
    expect(shownCodes()).toEqual(["analysis-missing", "target-less-ambitious", "direction-unknown"]);
    fireEvent.click(screen.getByRole("switch", { name: "Vad måste jag skriva?" }));
    expect(shownCodes()).toEqual(["analysis-missing"]);
    fireEvent.change(screen.getByRole("combobox", { name: "Min enhet" }), {
      target: { value: "Uppföljning!A40" },
    });
    expect(shownCodes()).toEqual(["outcome-missing"]);
  });

  test("clicking or pressing Enter on a finding asks to select its cell", () => {
    const onSelect = jest.fn();
    renderInPane(<Harness onSelect={onSelect} />);
    const button = screen.getByRole("button", { name: /Analys saknas\. Gå till Uppföljning!A25/ });
    fireEvent.click(button);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ sheet: "Uppföljning", cell: "A25" }));
    expect(button.tagName).toBe("BUTTON"); // native button: Enter and Space work from the keyboard
  });

  test("shows English messages when Office runs in English", () => {
    renderInPane(<Harness onSelect={() => undefined} />, "en");
    expect(screen.getByText("Income should be negative")).toBeTruthy();
    expect(screen.getByRole("region", { name: "Error (1)" })).toBeTruthy();
  });

  test("says so when nothing matches", () => {
    renderInPane(
      <FindingsList
        findings={[]}
        goals={[]}
        filter={DEFAULT_FILTER}
        onFilterChange={() => undefined}
        onSelect={() => undefined}
      />,
    );
    expect(screen.getByText(/Inga anmärkningar\./)).toBeTruthy();
  });
});
