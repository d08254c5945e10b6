/** @jest-environment jsdom */
import { act, fireEvent, screen } from "@testing-library/react";
import type { RibbonCheckSummary } from "../../src/app/ribbonCheck";
import { LAST_RIBBON_CHECK_KEY, rememberRibbonCheck } from "../../src/app/ribbonCheck";
import { RibbonCheckNotice } from "../../src/taskpane/components/RibbonCheckNotice";
import { renderInPane } from "./render";

// jsdom has no ResizeObserver; Fluent's MessageBar only needs one to exist.
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const summary: RibbonCheckSummary = {
  at: "2021-09-15T08:31:00.000Z",
  errors: 1,
  warnings: 3,
  infos: 0,
  first: { sheet: "Uppföljning", cell: "C281", code: "value-unparseable" },
  failure: null,
};
const now = () => Date.parse("2021-09-15T09:00:00.000Z");

beforeEach(() => localStorage.clear());

it("shows what the ribbon check found when the pane opens, until dismissed", () => {
  rememberRibbonCheck(summary);
  renderInPane(<RibbonCheckNotice now={now} />);
  expect(screen.getByTestId("ribbon-check").textContent).toMatch(
    /Kontrollera \(menyfliksområdet\) kl\. \d\d:31.*1 fel, 3 varningar, 0 upplysningar\. Markerade Uppföljning!C281\./,
  );
  fireEvent.click(screen.getByRole("button", { name: "Stäng" }));
  expect(screen.queryByTestId("ribbon-check")).toBeNull();
});

it("appears while the pane is open when the command writes a new result (another runtime)", () => {
  renderInPane(<RibbonCheckNotice now={now} />, "en");
  expect(screen.queryByTestId("ribbon-check")).toBeNull();
  act(() => {
    rememberRibbonCheck({
      ...summary,
      errors: 0,
      warnings: 1,
      first: null,
      failure: { message: "Fel", messageEn: "Excel is busy", debug: "" },
    });
    window.dispatchEvent(new StorageEvent("storage", { key: LAST_RIBBON_CHECK_KEY }));
  });
  expect(screen.getByTestId("ribbon-check").textContent).toMatch(/Run check \(ribbon\).*Excel is busy/);
});

it("leaves out a result older than a working day", () => {
  rememberRibbonCheck({ ...summary, at: "2021-09-14T08:00:00.000Z" });
  renderInPane(<RibbonCheckNotice now={now} />);
  expect(screen.queryByTestId("ribbon-check")).toBeNull();
});
