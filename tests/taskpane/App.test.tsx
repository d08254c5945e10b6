/** @jest-environment jsdom */
import { webcrypto } from "node:crypto";
import { TextEncoder } from "node:util";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { SheetGrid } from "../../src/engine/grid";
import { decodeState } from "../../src/engine/state";
import { HostError, toHostError } from "../../src/ports/office/errors";
import { MemoryPort } from "../../src/ports/memory/memoryPort";
import { App } from "../../src/taskpane/App";
import type { WithPort } from "../../src/taskpane/state/usePane";
import { ansvarigSheet } from "../fixtures/workbooks/ansvarig";
import { loadSeedFixture, seedLines, textToSheet } from "../helpers/seedGrid";
import { planWithoutYear, sharedWorkbook } from "./fixtures";

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
// jsdom has neither WebCrypto's subtle nor TextEncoder; Skapa tabeller hashes what it writes with
// them, as browsers and Node 20 can.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto });
(globalThis as unknown as { TextEncoder: unknown }).TextEncoder ??= TextEncoder;

/**
 * A side list kept as an Excel table beside the indicators (openpyxl-features.xlsx's `Lista`):
 * Målkoll cannot read it as one of its tables.
 */
const LISTA = {
  name: "Lista",
  visibility: "visible" as const,
  originRow: 1,
  originCol: 1,
  values: [
    ["Enhet", "Antal"],
    ["Skarpnäck", 12],
    ["Farsta", 7],
  ],
  listObjects: [{ name: "Tabell1", range: "A1:B3" }],
};

// Two verbatim seed rows (002 lines 271–272) under a goal heading, as a pasted sheet.
/** 002's pandemic cost table (a cross table) under its title, on a sheet Ekonomi. */
function pandemicSheet(): SheetGrid {
  const lines = seedLines(loadSeedFixture("002-t2-driftbudget"));
  const header = lines.findIndex((l) => l.startsWith("Pandemi\tNämnd adm"));
  const sum = lines.findIndex((l) => l.startsWith("Summa kostnader"));
  return textToSheet("Ekonomi", ["Pandemi – Kostnader", "", ...lines.slice(header, sum + 1)].join("\n"));
}

function port(...more: SheetGrid[]): MemoryPort {
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
      ...more,
    ],
  });
}

/** The text of the notice shown after a run (not the live region's copy of it). */
const notice = () => document.querySelector("[data-notice] .fui-MessageBarBody")?.textContent ?? "";

const stateOf = async (p: MemoryPort) =>
  decodeState((await p.read()).sheets.find((s) => s.name === "_malkoll"));

describe("App over a memory workbook", () => {
  test("Läs in names no table by its header's unit: a plan's Kostnader | Intäkter | Netto under a paragraph", async () => {
    // 003 lines 1826–1829, the nämnd's whole budget with no title of its own.
    const memory = new MemoryPort({
      name: "vp.xlsx",
      sheets: [
        {
          name: "VP 2022",
          visibility: "visible",
          originRow: 1,
          originCol: 1,
          values: [
            [
              "Mnkr",
              "VP 2022",
              "VP 2021",
              "Beräknadslutlig budget 2021",
              "Prognostiserat utfall 2021 (Okt)",
              "Bokslut 2020",
            ],
            ["Kostnader", "3211,3", "3173,0", "3157,8", "3215,3", "3267,5"],
            ["Intäkter", "-373,1", "-399,6", "-409,0", "-468,0", "-578,6"],
            ["Netto", "2838,2", "2773,4", "2748,8", "2747,3", "2688,9"],
          ],
        },
      ],
    });
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText("1 tabell hittad");
    const card = document.querySelector('[data-table="VP 2022!A1"]');
    expect(card?.textContent).toContain("'VP 2022'!A1 · 3 rader");
    expect(card?.textContent).not.toContain("· Mnkr");
  });

  test("Läs in's card says a column with values is not read, beside the button that mends it", async () => {
    // The walk's header: 004 line 79's `Periodens utfall` as a group over its own sub-headers, one of
    // them a word no role reads (`Uppföljt`), with the rows' figures under it.
    const memory = new MemoryPort({
      name: "vb.xlsx",
      sheets: [
        {
          name: "VB 2020",
          visibility: "visible",
          originRow: 1,
          originCol: 1,
          values: [
            ["Indikator", "Periodens utfall", null, null, "Årsmål", "Period"],
            [null, "Uppföljt", "män/ pojkar", "kvinnor/ flickor", null, null],
            ["Sjukfrånvaro", 0.124, null, null, 0.05, "VB 2020"],
            ["Sjukfrånvaro dag 1-14", 0.046, null, null, 0.023, "VB 2020"],
          ],
          merges: ["B1:D1", "A1:A2", "E1:E2", "F1:F2"],
        },
      ],
    });
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText("1 tabell hittad");
    const card = document.querySelector("[data-table]");
    expect(card?.textContent).toContain(
      "1 kolumn med värden läses inte (se Kontrollera). Ange dess roll under Rätta tolkning.",
    );
    const button = within(card as HTMLElement).getByRole("button", { name: /^Rätta tolkning/ });
    expect(button.getAttribute("aria-describedby")).toMatch(/-u0$/);
  });

  test("a column the user hid is theirs: the card does not ask for its role", async () => {
    const memory = new MemoryPort({
      name: "vb.xlsx",
      sheets: [
        {
          name: "VB 2020",
          visibility: "visible",
          originRow: 1,
          originCol: 1,
          values: [
            ["Indikator", "Periodens utfall", "Kontroll", "Årsmål", "Period"],
            ["Sjukfrånvaro", 0.124, 1, 0.05, "VB 2020"],
            ["Sjukfrånvaro dag 1-14", 0.046, 2, 0.023, "VB 2020"],
          ],
          hiddenColumns: [3],
        },
      ],
    });
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText("1 tabell hittad");
    expect(document.querySelector("[data-table]")?.textContent).not.toContain("läses inte");
  });

  test("a sheet's `Ansvarig` in every table: a quiet line on each card, and Hoppa över once for all of them", async () => {
    const memory = new MemoryPort({ name: "resursenheten.xlsx", sheets: [ansvarigSheet()] });
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText("4 tabeller hittade");
    const cards = [...document.querySelectorAll<HTMLElement>("[data-table]:not([data-table=new])")];
    expect(cards).toHaveLength(4);
    // Names, not figures: a muted line, not the orange one that asks for a role.
    for (const card of cards) {
      expect(card.querySelector("[data-text-columns]")?.textContent).toBe(
        "Kolumnen ”Ansvarig” har bara text, inga tal, och läses inte.",
      );
      expect(card.textContent).not.toContain("med värden läses inte");
    }

    fireEvent.click(within(cards[0]).getByRole("button", { name: /^Rätta tolkning/ }));
    fireEvent.change(await screen.findByRole("combobox", { name: "B: Ansvarig" }), {
      target: { value: "ignore" },
    });
    expect(
      (
        screen.getByRole("checkbox", {
          name: "Hoppa över ”Ansvarig” i alla 4 tabeller på bladet",
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Spara i arbetsboken" }));
    await screen.findByText("Rättelsen är sparad i arbetsboken och kontrollen körd igen.");
    // Stored as each table's own correction, as one table's is.
    expect((await stateOf(memory)).mappings).toEqual(
      ["A25", "A68", "A99", "A128"].map((headerCell) => ({
        sheet: "Mål",
        headerCell,
        columns: { B: "ignore" },
      })),
    );
    expect(document.querySelector("[data-text-columns]")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Kontrollera" }));
    await waitFor(() => expect(document.querySelector("[data-finding]")).not.toBeNull());
    expect(document.querySelector('[data-finding="column-unrecognized"]')).toBeNull();
  });

  test("Läs in shows the table; a corrected direction is stored in the workbook's state sheet", async () => {
    const memory = port();
    const withPort: WithPort = (work) => work(memory);
    render(<App withPort={withPort} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText("1 tabell hittad");
    // A screen reader hears the period as the pane shows it, not by its code (`T2 2021`).
    expect(document.querySelector("[data-live]")?.textContent).toBe(
      "Inläsningen är klar: 1 tabell, 1 mål, period Tertial 2 2021.",
    );
    expect(screen.getByText("Indikatorer (uppföljning)")).toBeTruthy();
    // The card names the goal the table serves, not the line above it.
    expect(
      screen.getByText(/^1\.1 I Stockholm är människor självförsörjande/).parentElement?.textContent,
    ).toMatch(/^Uppföljning!A3 · 1 rad · 1\.1 I Stockholm/);

    fireEvent.click(screen.getByRole("button", { name: /^Rätta tolkning/ }));
    // The editor bears the name of the button that opened it.
    expect(await screen.findByRole("group", { name: "Rätta tolkning: Uppföljning!A3" })).toBeTruthy();
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

  test("a plan without a year: the pane points it out, asks for the year, and titles get it", async () => {
    const memory = planWithoutYear();
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText("1 tabell hittad");
    const bar = screen.getByRole("region", { name: "Period" });
    expect(bar.textContent).toContain("Verksamhetsplan");
    expect(bar.textContent).toContain("Arbetsboken anger inte periodens år.");

    // Skapa tabeller stops before writing, as it does without a period.
    fireEvent.click(screen.getByRole("tab", { name: "Skapa tabeller" }));
    fireEvent.click(await screen.findByRole("button", { name: "Skapa tabeller" }));
    await waitFor(() =>
      expect(notice()).toContain("Arbetsboken anger inte periodens år. Ange året högst upp"),
    );
    expect(memory.sheets.map((s) => s.name)).toEqual(["Blad1"]);

    fireEvent.click(within(bar).getByRole("button", { name: "Ange år" }));
    const year = screen.getByRole("textbox", { name: "År" }) as HTMLInputElement;
    expect(year.value).toBe(""); // never today's year
    fireEvent.change(year, { target: { value: "2021" } });
    fireEvent.click(screen.getByRole("button", { name: "Använd" }));
    await screen.findByText("Tabellerna skapas för Verksamhetsplan 2021.");
    const create = screen.getByRole("button", { name: "Skapa tabeller" });
    await waitFor(() => expect(create.getAttribute("aria-disabled")).toBeNull()); // the check with the year ran
    fireEvent.click(create);
    await waitFor(() => expect(notice()).toMatch(/blad skapades/));
    const titles = memory.sheets.filter((s) => s.name.startsWith("Målkoll")).map((s) => s.values[0][0]);
    expect(titles).toContain("Målkoll – Indikatorer VP 2021");
  });

  test("a plan whose sheet is named for it: the bar says the year came from the sheet name", async () => {
    const memory = planWithoutYear("Verksamhetsplan 2021");
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText("1 tabell hittad");
    const bar = screen.getByRole("region", { name: "Period" });
    expect(bar.textContent).toContain("Verksamhetsplan 2021");
    expect(bar.textContent).toContain("året ur bladnamnet ”Verksamhetsplan 2021”");
    expect(bar.textContent).not.toContain("Arbetsboken anger inte periodens år.");
  });

  test("a unit's sheet named `T2 2021`: the bar says the period came from the sheet name, and asks nothing", async () => {
    const memory = new MemoryPort({
      name: "enhet.xlsx",
      sheets: [
        {
          name: "T2 2021",
          visibility: "visible",
          originRow: 1,
          originCol: 1,
          values: [
            ["Indikator", "Utfall T2 2021", "Årsmål", "Periodicitet"],
            ["Sjukfrånvaro", 0.094, 0.09, "Tertial"],
          ],
        },
      ],
    });
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText("1 tabell hittad");
    const bar = screen.getByRole("region", { name: "Period" });
    expect(bar.textContent).toContain("ur bladnamnet ”T2 2021”");
    expect(bar.textContent).not.toContain("Arbetsboken anger ingen period");
  });

  test("after Skapa tabeller the notice says which sheets have tables and which found nothing", async () => {
    const memory = port();
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} initialStep="generate" />);
    fireEvent.click(await screen.findByRole("button", { name: "Skapa tabeller" }));
    await waitFor(() => expect(notice()).toMatch(/blad skapades/));
    expect(notice()).toBe(
      "5 blad skapades. Tabeller finns på Målkoll Indikatorer, Målkoll Måluppfyllelse och Målkoll Avvikelser. " +
        "Målkoll Driftbudget och Målkoll Aktiviteter är tomma: inget sådant hittades i arbetsboken. " +
        "2 varningar står kvar under Kontrollera: tabellerna visar arbetsboken som den är nu.",
    );
  });

  test("Stäng on the notice gives focus back to the button that led to it, not to the page", async () => {
    const memory = port();
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} initialStep="generate" />);
    const run = await screen.findByRole("button", { name: "Skapa tabeller" });
    run.focus();
    fireEvent.click(run);
    await waitFor(() => expect(notice()).toMatch(/blad skapades/));
    // As a keyboard user closes it: focus on Stäng, then Enter.
    const close = within(document.querySelector("[data-notice]") as HTMLElement).getByRole("button", {
      name: "Stäng",
    });
    close.focus();
    fireEvent.click(close);
    expect(document.querySelector("[data-notice]")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Skapa tabeller" }));
  });

  test("errors the check left turn the notice after Skapa tabeller from success to warning", async () => {
    // 002 line 1938's outcome typed `ca 4,1 %` (value-unparseable, an error): the tables show it as written.
    const memory = port();
    const sheet = (await memory.read()).sheets[0];
    const values = sheet.values.map((row) => [...row]);
    values[3][1] = "ca 4,1 %";
    const withError = new MemoryPort({ name: "t.xlsx", sheets: [{ ...sheet, values }] });
    render(<App withPort={(work) => work(withError)} language="sv" dark={false} initialStep="generate" />);
    fireEvent.click(await screen.findByRole("button", { name: "Skapa tabeller" }));
    await waitFor(() => expect(notice()).toMatch(/blad skapades/));
    expect(notice()).toMatch(/1 fel och \d+ varning(ar)? står kvar under Kontrollera/);
    expect(document.querySelector("[data-notice]")?.getAttribute("data-notice")).toBe("warning");
  });

  test.each([
    ["sv", "Skapa tabeller", "Rensa flaggor"],
    ["en", "Create tables", "Clear flags"],
  ] as const)(
    "%s: Skapa tabeller says it flags the person's cells, and which button takes the flags away",
    async (language, create, clear) => {
      const memory = port();
      render(
        <App withPort={(work) => work(memory)} language={language} dark={false} initialStep="generate" />,
      );
      await screen.findByRole("button", { name: create });
      const intro = screen.getByText(/^(Skapar rapportens|Creates the report's) tabl?e/).textContent ?? "";
      // It said "Dina blad ändras inte" while the run puts flags on those sheets.
      expect(intro).not.toMatch(/Dina blad ändras inte|Your sheets are not changed/);
      expect(intro).toContain(`(${language === "sv" ? "en flagga" : "a flag"})`);
      expect(intro).toContain(clear);
      expect(screen.getByRole("button", { name: clear })).toBeTruthy();
    },
  );

  test.each(["sv", "en"] as const)(
    "%s: Kontrollera after the person mended a flagged cell says the flag stays, and writes nothing",
    async (language) => {
      const memory = port();
      const words = (sv: string, en: string) => (language === "sv" ? sv : en);
      const idle = () =>
        !(screen.getByRole("button", { name: words("Kontrollera", "Check") }) as HTMLButtonElement).disabled;
      render(
        <App withPort={(work) => work(memory)} language={language} dark={false} initialStep="generate" />,
      );
      fireEvent.click(await screen.findByRole("button", { name: words("Skapa tabeller", "Create tables") }));
      await waitFor(() => expect(notice()).toMatch(/blad skapades|sheets were created/));
      const flagged = memory.flags.filter((f) => f.sheet === "Uppföljning").map((f) => f.cell);
      expect(flagged).toContain("A4");

      // Kontrollera with nothing changed: every flag still has its finding, and nothing is said.
      fireEvent.click(screen.getByRole("tab", { name: words("Kontrollera", "Check") }));
      const run = await screen.findByRole("button", { name: words("Kontrollera", "Check") });
      const before = memory.calls.length;
      fireEvent.click(run);
      await waitFor(() => expect(memory.calls.slice(before)).toEqual(["read"]));
      await waitFor(() => expect(document.querySelector("[data-summary]")).not.toBeNull());
      await waitFor(() => expect(idle()).toBe(true));
      expect(document.querySelector("[data-stale-flags]")).toBeNull();

      // The person writes the missing analysis on the row under the indicator (A4's finding).
      memory.sheet("Uppföljning")!.values[4] = ["Analys Andelen sjönk när fler fick arbete under året."];
      const calls = memory.calls.length;
      fireEvent.click(screen.getByRole("button", { name: words("Kontrollera", "Check") }));
      const stale = await waitFor(() => {
        const p = document.querySelector("[data-stale-flags]");
        expect(p).not.toBeNull();
        return p!;
      });
      expect(stale.textContent).toBe(
        words(
          "En flagga sitter kvar på en cell som inte längre har något fynd. Den tas bort när du skapar tabellerna igen, eller med Rensa flaggor.",
          "One flag remains on a cell that no longer has a finding. It is removed when you create the tables again, or with Clear flags.",
        ),
      );
      // Kontrollera only read: the flag is still on the cell.
      expect(memory.calls.slice(calls)).toEqual(["read"]);
      expect(memory.flagAt("Uppföljning", "A4")).toBeTruthy();

      // Rensa flaggor takes it away; the sentence goes with the check it belonged to.
      fireEvent.click(screen.getByRole("tab", { name: words("Skapa tabeller", "Create tables") }));
      fireEvent.click(await screen.findByRole("button", { name: words("Rensa flaggor", "Clear flags") }));
      await waitFor(() => expect(memory.flagAt("Uppföljning", "A4")).toBeUndefined());
      fireEvent.click(screen.getByRole("tab", { name: words("Kontrollera", "Check") }));
      const cleared = memory.calls.length;
      fireEvent.click(await screen.findByRole("button", { name: words("Kontrollera", "Check") }));
      await waitFor(() => expect(memory.calls.slice(cleared)).toEqual(["read"]));
      await waitFor(() => expect(idle()).toBe(true));
      expect(document.querySelector("[data-stale-flags]")).toBeNull();
    },
  );

  test("in English the tables' period is worded as the period bar words it", async () => {
    const memory = port();
    render(<App withPort={(work) => work(memory)} language="en" dark={false} initialStep="generate" />);
    fireEvent.click(await screen.findByRole("button", { name: "Create tables" }));
    await waitFor(() => expect(notice()).toMatch(/sheets were created/));
    expect(notice()).toBe(
      "5 sheets were created. Målkoll Indikatorer, Målkoll Måluppfyllelse and Målkoll Avvikelser have tables. " +
        "Målkoll Driftbudget and Målkoll Aktiviteter are empty: nothing of the kind was found in the workbook. " +
        "2 warnings remain under Check: the tables show the workbook as it is now.",
    );
    expect(screen.getByRole("region", { name: "Period" }).textContent).toContain("Period: Tertial 2 2021");
    expect(screen.getByText("The tables are created for Tertial 2 2021.")).toBeTruthy();
  });

  test("Läs in says what it did not read: a hidden sheet with tables, a table's hidden row", async () => {
    const memory = new MemoryPort(sharedWorkbook());
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText(/tabeller hittade/);
    expect(document.querySelector("[data-hidden-sheets]")?.textContent).toBe(
      "Ett dolt blad med tabeller läses inte: ”Miljö” (se Kontrollera).",
    );
    const notRead = [...document.querySelectorAll("[data-rows-not-read]")].map((e) => e.textContent);
    expect(notRead).toEqual(["1 dold rad läses inte (se Kontrollera)."]);
  });

  /** A unit's sheet `T2 2021` of these tab-separated lines, read in Läs in (one table). */
  async function readUnitSheet(lines: string[]): Promise<void> {
    const memory = new MemoryPort({ name: "enhet.xlsx", sheets: [textToSheet("T2 2021", lines.join("\n"))] });
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByText("1 tabell hittad");
  }

  test("Läs in says a row after a blank row under a table was not read (`ca 40` as its outcome)", async () => {
    await readUnitSheet([
      "Indikator\tPeriodens utfall\tÅrsmål",
      "Andel nöjda vårdnadshavare\t78 %\t90 %",
      "",
      "Antal barn i kö\tca 40\t30",
    ]);
    const card = document.querySelector("[data-table]") as HTMLElement;
    expect(card.querySelector("[data-rows-not-read]")?.textContent).toBe(
      "1 rad efter en tom rad under tabellen läses inte (se Kontrollera).",
    );
    const button = within(card).getByRole("button", { name: /^Rätta tolkning/ });
    expect(button.getAttribute("aria-describedby")).toMatch(/-h0$/);
  });

  test("Läs in says a row without a name inside a table is not read, not that it came after a blank row", async () => {
    await readUnitSheet([
      "Indikator\tPeriodens utfall\tÅrsmål\tPeriod",
      "Sjukfrånvaro\t5,0 %\t6,0 %\tTertial 2 2021",
      "\t7,0 %\t6,0 %\tTertial 2 2021",
      "Medarbetarindex\t80\t78\tTertial 2 2021",
    ]);
    expect(document.querySelector("[data-rows-not-read]")?.textContent).toBe(
      "1 rad utan namn i tabellen läses inte (se Kontrollera).",
    );
  });

  test("a unit manager's sheet chosen in Visa anmärkningar för stays chosen through Skapa tabeller", async () => {
    const book = sharedWorkbook();
    const memory = new MemoryPort(book);
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} initialStep="check" />);
    const select = () => screen.findByRole("combobox", { name: "Visa anmärkningar för" });
    const offeredSheets = async () =>
      [...(await select()).querySelectorAll('optgroup[label="Blad"] option')].map((o) => o.textContent ?? "");
    fireEvent.click(await screen.findByRole("button", { name: "Kontrollera" }));
    const before = await offeredSheets();
    expect(before.length).toBeGreaterThan(1);
    expect(before).toEqual(book.sheets.map((s) => s.name).filter((n) => before.includes(n)));
    fireEvent.change(await select(), { target: { value: "sheet:Ekonomi" } });

    fireEvent.click(screen.getByRole("tab", { name: "Skapa tabeller" }));
    fireEvent.click(await screen.findByRole("button", { name: "Skapa tabeller" }));
    await waitFor(() => expect(notice()).toMatch(/blad skapades/));
    expect((await stateOf(memory)).owned.length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("tab", { name: "Kontrollera" }));
    expect(((await select()) as HTMLSelectElement).value).toBe("sheet:Ekonomi");
    expect(await offeredSheets()).toEqual(before);
    const places = [...document.querySelectorAll<HTMLElement>('[data-group="warning"] [data-finding]')].map(
      (b) => b.lastElementChild?.textContent ?? "",
    );
    expect(places.length).toBeGreaterThan(0);
    expect(places.filter((p) => !p.startsWith("Ekonomi!"))).toEqual([]);
  });

  test("Tolka blocket in Kontrollera opens the block's editor in Läs in with focus in it", async () => {
    const memory = port(LISTA);
    // jsdom lays nothing out: what is asked to scroll into view is recorded instead.
    const scrolled = jest.fn();
    Element.prototype.scrollIntoView = scrolled;
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} initialStep="check" />);
    fireEvent.click(await screen.findByRole("button", { name: "Kontrollera" }));
    const finding = await screen.findByText(/Ser ut som en tabell men kolumnerna kunde inte tolkas/);
    fireEvent.click(within(finding.closest("li") as HTMLElement).getByRole("button", { name: /^Tolka/ }));
    const editor = await screen.findByRole("group", { name: /Lista!A1$/ });
    // The button pressed is gone with Kontrollera: focus goes into the editor, not to the page body.
    expect(editor.contains(document.activeElement)).toBe(true);
    expect(scrolled.mock.contexts).toContain(editor);
  });

  test.each([
    ["sv", "Läs in arbetsboken", "Rätta tolkning: Indikatorer (uppföljning), Uppföljning!A3", "Lista!A1"],
    ["en", "Read the workbook", "Correct mapping: Indicators (follow-up), Uppföljning!A3", "Lista!A1"],
  ] as const)(
    "%s: each card's button names its table, not only what it does",
    async (language, read, name, block) => {
      const memory = port(LISTA);
      render(<App withPort={(work) => work(memory)} language={language} dark={false} />);
      fireEvent.click(screen.getByRole("button", { name: read }));
      const correct = await screen.findByRole("button", { name });
      // The goal the table serves is its description.
      expect(correct.getAttribute("aria-describedby")).toBeTruthy();
      expect(
        document.getElementById(correct.getAttribute("aria-describedby") as string)?.textContent,
      ).toMatch(/^1\.1 I Stockholm är människor självförsörjande/);
      const interpret = screen.getByRole("button", { name: new RegExp(`: ${block}$`) });
      expect(interpret.getAttribute("aria-expanded")).toBe("false");
      expect(
        screen.getByRole("button", { name: new RegExp(`: ${block}$`), description: "Enhet | Antal" }),
      ).toBe(interpret);
    },
  );

  test.each([
    ["sv", "Kontrollera", "Tolka blocket", "Läs in"],
    ["en", "Check", "Interpret the block", "Read"],
  ] as const)(
    "%s: an unreadable block's finding, its button and the editor call the action one thing",
    async (language, check, action, read) => {
      const memory = port(LISTA);
      render(<App withPort={(work) => work(memory)} language={language} dark={false} initialStep="check" />);
      fireEvent.click(await screen.findByRole("button", { name: check }));
      const item = (await screen.findByText(/Lista!A1/, { selector: "[data-finding] *" })).closest(
        "li",
      ) as HTMLElement;
      // The finding says where to go by the words on the button beside it.
      expect(item.querySelector("[data-finding]")?.textContent).toContain(`${action} under ${read}:`);
      fireEvent.click(within(item).getByRole("button", { name: action }));
      const editor = await screen.findByRole("group", { name: `${action}: Lista!A1` });
      expect(editor).toBeTruthy();
      expect(
        within(screen.getByRole("tabpanel")).getByRole("button", { name: `${action}: Lista!A1` }),
      ).toBeTruthy();
    },
  );

  test("Escape closes the mapping editor like Avbryt and puts focus back on the button that opened it", async () => {
    const memory = port(LISTA);
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    for (const name of [/^Rätta tolkning: /, /^Tolka blocket: /, /^Peka ut en tabell$/]) {
      const opener = await screen.findByRole("button", { name });
      fireEvent.click(opener);
      const editor = await screen.findByRole("group", { name: /![A-Z]+\d+$/ });
      fireEvent.keyDown(within(editor).getAllByRole("combobox")[0], { key: "Escape" });
      await waitFor(() => expect(screen.queryByRole("group")).toBeNull());
      expect(document.activeElement).toBe(opener);
    }
    expect(await stateOf(memory)).toEqual(decodeState(undefined)); // nothing was saved
  });

  test("Läs in lists a cross table (002's pandemic costs) as checked and printed, with Tolka blocket", async () => {
    const ekonomi = pandemicSheet();
    render(<App withPort={(work) => work(port(ekonomi))} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    const heading = await screen.findByRole("heading", { name: "Korstabeller" });
    expect(heading.nextElementSibling?.textContent).toMatch(/kontrollerar summorna åt båda hållen/);
    const card = document.querySelector("[data-cross]") as HTMLElement;
    expect(within(card).getByText("Ekonomi!A3")).toBeTruthy();
    expect(card.textContent).toContain("5 rader · Nämnd adm | loF BoU");
    expect(card.textContent).toContain("| Total-summa (tkr)");
    // Not also among the blocks Målkoll could not read.
    expect(screen.queryByRole("heading", { name: "Block som liknar tabeller" })).toBeNull();
    fireEvent.click(within(card).getByRole("button", { name: "Tolka blocket: Ekonomi!A3" }));
    expect(await screen.findByRole("group", { name: "Tolka blocket: Ekonomi!A3" })).toBeTruthy();
  });

  test("a workbook with a cross table alone: Läs in does not say nothing was found, Skapa tabeller prints it without asking for a period", async () => {
    const ekonomi = pandemicSheet();
    const memory = new MemoryPort({ name: "pandemi.xlsx", sheets: [ekonomi] });
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    await screen.findByRole("heading", { name: "Korstabeller" });
    expect(screen.queryByText(/Inga tabeller kändes igen/)).toBeNull();
    expect(screen.getByText("1 korstabell hittad (se nedan)")).toBeTruthy();
    // The period bar says none is needed, not that one is missing.
    const bar = screen.getByRole("region", { name: "Period" });
    expect(bar.getAttribute("data-period-origin")).toBe("unneeded");
    expect(bar.textContent).toContain("inget här bedöms mot en period");
    expect(bar.textContent).not.toContain("Välj en så att utfallen kan bedömas");
    fireEvent.click(screen.getByRole("tab", { name: "Skapa tabeller" }));
    expect(await screen.findByText(/^Ingen period behövs: arbetsboken har inga mål/)).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: "Skapa tabeller" }));
    await waitFor(() => expect(notice()).toMatch(/blad skapades/));
    // Nothing is left to mend: no period warning stands under Kontrollera.
    expect(notice()).toBe("1 blad skapades.");
    expect(memory.sheets.map((s) => s.name)).toEqual(["Ekonomi", "Målkoll Korstabeller", "_malkoll"]);
  });

  test("Läs in quotes a sheet name with a space as the findings do, on the card and its button", async () => {
    render(
      <App withPort={(work) => work(port({ ...LISTA, name: "Min lista" }))} language="sv" dark={false} />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Läs in arbetsboken" }));
    expect(await screen.findByText("'Min lista'!A1")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Tolka blocket: 'Min lista'!A1" }));
    expect(await screen.findByRole("group", { name: "Tolka blocket: 'Min lista'!A1" })).toBeTruthy();
  });

  test.each([
    [
      "sv",
      "Kontrollera",
      "Vad måste jag skriva?",
      /^Filtret visar \d+ fel, \d+ (varning|varningar), \d+ info\.$/,
    ],
    ["en", "Check", "What must I write?", /^The filter shows \d+ errors?, \d+ warnings?, \d+ info\.$/],
  ] as const)(
    "%s: a changed filter says in the live region what it now shows",
    async (language, check, mustWrite, said) => {
      const memory = port(LISTA);
      render(<App withPort={(work) => work(memory)} language={language} dark={false} initialStep="check" />);
      fireEvent.click(await screen.findByRole("button", { name: check }));
      fireEvent.click(await screen.findByRole("switch", { name: mustWrite }));
      await waitFor(() => expect(document.querySelector("[data-live]")?.textContent).toMatch(said));
    },
  );

  test("Escape on a block opened from Kontrollera closes it onto that block's own button", async () => {
    const memory = port(LISTA);
    render(<App withPort={(work) => work(memory)} language="sv" dark={false} initialStep="check" />);
    fireEvent.click(await screen.findByRole("button", { name: "Kontrollera" }));
    fireEvent.click(await screen.findByRole("button", { name: "Tolka blocket" }));
    const editor = await screen.findByRole("group", { name: "Tolka blocket: Lista!A1" });
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Escape" });
    expect(editor.isConnected).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Tolka blocket: Lista!A1" }));
  });

  test.each([
    [
      "sv",
      "hidden",
      "Kontrollera",
      "Dold!A3 · dolt blad",
      "Excel kan inte gå till Dold!A3: bladet ”Dold” var dolt när Målkoll läste arbetsboken. Visa bladet: högerklicka på en bladflik, välj Ta fram… och sedan ”Dold”.",
    ],
    [
      "sv",
      "veryHidden",
      "Kontrollera",
      "Dold!A3 · mycket dolt blad",
      "Excel kan inte gå till Dold!A3: bladet ”Dold” var mycket dolt när Målkoll läste arbetsboken, och Excels Ta fram… listar inte ett sådant blad.",
    ],
    [
      "en",
      "hidden",
      "Check",
      "Dold!A3 · hidden sheet",
      'Excel cannot go to Dold!A3: the sheet "Dold" was hidden when Målkoll read the workbook. Unhide it: right-click a sheet tab, choose Unhide… and then "Dold".',
    ],
  ] as const)(
    "%s: a finding on a %s sheet says so, and a click says how to show the sheet instead of asking Excel",
    async (language, visibility, check, where, said) => {
      // Excel activates and selects nothing on a hidden sheet (the Office port's select fails there):
      // the pane knows from its read that the sheet is hidden, and does not ask.
      const uppfoljning = (await port().read()).sheets[0];
      const memory = new MemoryPort({
        name: "t.xlsx",
        sheets: [uppfoljning, { ...uppfoljning, name: "Dold", visibility }],
      });
      render(<App withPort={(work) => work(memory)} language={language} dark={false} initialStep="check" />);
      fireEvent.click(await screen.findByRole("button", { name: check }));
      const item = await waitFor(() => {
        const found = document.querySelector<HTMLElement>('[data-finding="sheet-hidden"]');
        expect(found).not.toBeNull();
        return found as HTMLElement;
      });
      expect(item.textContent).toContain(where);
      // A finding on the visible sheet keeps its plain place.
      const visible = document.querySelector<HTMLElement>("[data-finding]:not([data-hidden-sheet])");
      expect(visible?.textContent).toMatch(/Uppföljning!A\d+$/);
      // jsdom lays nothing out: what is asked to scroll into view is recorded instead.
      const scrolled = jest.fn();
      Element.prototype.scrollIntoView = scrolled;
      fireEvent.click(item);
      await waitFor(() => expect(notice()).toContain(said));
      // The notice is at the top and the finding may be far down: it is brought into view.
      expect(scrolled.mock.contexts).toContain(document.querySelector("[data-notice]"));
      expect(document.querySelector("[data-notice]")?.getAttribute("data-notice")).toBe("info");
      expect(document.querySelector("[data-live]")?.textContent).toContain(said);
      expect(screen.queryByRole("alert")).toBeNull();
      expect(memory.calls).not.toContain("select");
      expect(memory.selection).toBeNull();
    },
  );

  test.each([
    [
      "sv",
      "Kontrollera",
      "'VB 2020'!A3 · dold rad",
      "Målkoll markerade 'VB 2020'!A3, men rad 3 är dold, så cellen syns inte. Visa raden: markera raderna ovanför och under den, högerklicka på en radrubrik och välj Ta fram.",
    ],
    [
      "en",
      "Check",
      "'VB 2020'!A3 · hidden row",
      "Målkoll selected 'VB 2020'!A3, but row 3 is hidden, so the cell cannot be seen. Unhide the row: select the rows above and below it, right-click a row heading and choose Unhide.",
    ],
  ] as const)(
    "%s: a finding on a hidden row says so, and its click says why the selected cell is not seen",
    async (language, check, where, said) => {
      const memory = new MemoryPort({
        name: "vb.xlsx",
        sheets: [
          {
            name: "VB 2020",
            visibility: "visible",
            originRow: 1,
            originCol: 1,
            values: [
              ["Indikator", "Periodens utfall", "Årsmål", "Period"],
              ["Sjukfrånvaro", 0.124, 0.05, "VB 2020"],
              ["Sjukfrånvaro dag 1-14", 0.046, 0.023, "VB 2020"],
              ["Andel nöjda brukare", 0.9, 0.85, "VB 2020"],
            ],
            hiddenRows: [3],
          },
        ],
      });
      render(<App withPort={(work) => work(memory)} language={language} dark={false} initialStep="check" />);
      fireEvent.click(await screen.findByRole("button", { name: check }));
      const item = await waitFor(() => {
        const found = document.querySelector<HTMLElement>('[data-finding="rows-hidden"]');
        expect(found).not.toBeNull();
        return found as HTMLElement;
      });
      expect(item.textContent?.endsWith(where)).toBe(true);
      fireEvent.click(item);
      await waitFor(() => expect(notice()).toContain(said));
      expect(memory.selection).toEqual({ sheet: "VB 2020", cell: "A3" });
      // A finding on a shown cell is selected and said as before.
      const shown = document.querySelector<HTMLElement>('[data-finding]:not([data-finding="rows-hidden"])');
      expect(shown?.textContent).not.toMatch(/dold|hidden/);
    },
  );

  test.each([
    [
      "sv",
      "Kontrollera",
      "Excel kan inte gå till Senare!G4: bladet ”Senare” har dolts sedan Målkoll läste arbetsboken. Visa bladet: högerklicka på en bladflik, välj Ta fram… och sedan ”Senare”. Klicka sedan på anmärkningen igen.",
    ],
    [
      "en",
      "Check",
      'Excel cannot go to Senare!G4: the sheet "Senare" has been hidden since Målkoll read the workbook. Unhide it: right-click a sheet tab, choose Unhide… and then "Senare". Then click the finding again.',
    ],
  ] as const)(
    "%s: a sheet hidden after the read: Excel's refusal to go there is said as such, not as a host error",
    async (language, check, said) => {
      const uppfoljning = (await port().read()).sheets[0];
      const memory = new MemoryPort({
        name: "t.xlsx",
        sheets: [uppfoljning, { ...uppfoljning, name: "Senare" }],
      });
      render(<App withPort={(work) => work(memory)} language={language} dark={false} initialStep="check" />);
      fireEvent.click(await screen.findByRole("button", { name: check }));
      const item = await waitFor(() => {
        const found = [...document.querySelectorAll<HTMLElement>("[data-finding]")].find((f) =>
          f.textContent?.endsWith("Senare!G4"),
        );
        expect(found).toBeDefined();
        return found as HTMLElement;
      });
      // The person hides the sheet in Excel, then clicks the finding.
      memory.sheet("Senare")!.visibility = "hidden";
      fireEvent.click(item);
      await waitFor(() => expect(notice()).toContain(said));
      expect(document.querySelector("[data-notice]")?.getAttribute("data-notice")).toBe("info");
      expect(screen.queryByRole("alert")).toBeNull();
      expect(memory.selection).toBeNull();
    },
  );

  test.each([
    ["sv", "Kontrollera", "Markerade 'T2 2021'!A1"],
    ["en", "Check", "Selected 'T2 2021'!A1"],
  ] as const)("%s: selecting a finding's cell is said in the live region", async (language, check, said) => {
    const memory = port({ ...LISTA, name: "T2 2021" });
    render(<App withPort={(work) => work(memory)} language={language} dark={false} initialStep="check" />);
    fireEvent.click(await screen.findByRole("button", { name: check }));
    const block = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-finding="header-unrecognized"]');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    fireEvent.click(block);
    await waitFor(() => expect(document.querySelector("[data-live]")?.textContent).toBe(said));
    expect(memory.selection).toEqual({ sheet: "T2 2021", cell: "A1" });
  });
});
