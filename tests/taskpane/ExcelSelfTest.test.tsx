/** @jest-environment jsdom */
import { configure, fireEvent, screen, waitFor } from "@testing-library/react";
import type { SelfTestReport } from "../../src/ports/office/selfTest";
import { runSelfTest } from "../../src/ports/office/selfTest";
import { ExcelSelfTest } from "../../src/taskpane/components/ExcelSelfTest";
import { createFakeExcel } from "../helpers/fakeExcel";
import { renderInPane } from "./render";

// A find waits 1 s by default; with two test workers on two cores the pane's first render and its
// lazy chunks can take longer. A wait, not a timing assertion: a failure only takes longer to show.
configure({ asyncUtilTimeout: 10_000 });

const host = { host: "Excel", platform: "OfficeOnline", version: "16.0.18227.20162" };

it("runs the probes and shows pass or fail per probe with host, platform, build and API set", async () => {
  const { context } = createFakeExcel({ sheets: [{ name: "Blad1", values: [["x"]] }] });
  const run = (): Promise<SelfTestReport> =>
    runSelfTest(context, {
      isSetSupported: (_s, v) => Number(v.split(".")[1]) <= 17,
      hostInfo: host,
      largeBytes: 200_000,
    });
  renderInPane(<ExcelSelfTest run={run} available />);
  fireEvent.click(screen.getByRole("button", { name: "Testa mot Excel" }));
  await waitFor(() => expect(screen.getByTestId("self-test-host")).toBeTruthy());
  expect(screen.getByTestId("self-test-host").textContent).toMatch(
    /^Excel · Excel på webben · 16\.0\.18227\.20162 · ExcelApi 1\.17 · sv-SE · /,
  );
  const items = screen.getAllByRole("listitem").map((li) => li.textContent);
  expect(items).toHaveLength(5);
  expect(items[0]).toMatch(/^✓ Godkänt Text som börjar med = \+ - @ förblir text/);
  expect(items.every((text) => text?.startsWith("✓ Godkänt"))).toBe(true);
});

it("shows a failed probe as failed, in English when Office is", async () => {
  const report: SelfTestReport = {
    at: "2021-09-15T08:00:00.000Z",
    host: { host: "Excel", platform: "Mac", version: "16.89" },
    excelApi: "1.16",
    culture: "en-GB",
    cleanedUp: false,
    probes: [{ id: "iso-date-text", ok: false, detail: { sv: "blev 44439", en: "became 44439" } }],
  };
  renderInPane(<ExcelSelfTest run={async () => report} available />, "en");
  fireEvent.click(screen.getByRole("button", { name: "Test against Excel" }));
  await waitFor(() =>
    expect(screen.getByRole("listitem").textContent).toBe(
      "✗ Failed The date text 2021-08-31 stays textbecame 44439",
    ),
  );
  expect(screen.getByTestId("self-test-host").textContent).toMatch(
    /^Excel · Excel for Mac · 16\.89 · ExcelApi 1\.16 · en-GB/,
  );
  expect(screen.getByText(/temporary sheet could not be deleted/)).toBeTruthy();
});

it("cannot be started outside Excel (the playground) and says so", () => {
  renderInPane(<ExcelSelfTest available={false} />);
  expect((screen.getByRole("button", { name: "Testa mot Excel" }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText(/bara i Excel/)).toBeTruthy();
});
