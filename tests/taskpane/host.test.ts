import { HostError } from "../../src/ports/office/errors";
import { SheetHiddenError } from "../../src/ports/port";
import { withOfficePort } from "../../src/taskpane/host";
import { createFakeExcel } from "../helpers/fakeExcel";

/** The pane's way to Excel, over the fake's context in place of Excel.run's. */
function withFakeExcel(sheets: Parameters<typeof createFakeExcel>[0]["sheets"]) {
  const { context } = createFakeExcel({ sheets });
  (globalThis as { Excel?: unknown }).Excel = {
    run: (work: (ctx: typeof context) => Promise<unknown>) => work(context),
  };
}

afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

test("a select on a sheet hidden since the read reaches the pane as SheetHiddenError, not as a generic HostError", async () => {
  withFakeExcel([{ name: "Synlig" }, { name: "Dold", visibility: "Hidden" }]);
  const error = await withOfficePort((port) => port.select!("Dold", "B2")).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SheetHiddenError);
  expect((error as SheetHiddenError).visibility).toBe("hidden");
});

test("any other error from Excel still becomes a HostError", async () => {
  withFakeExcel([{ name: "Synlig" }]);
  const error = await withOfficePort((port) => port.select!("Saknas", "B2")).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).kind).toBe("not-found");
});
