import { parseActivityStatus, statusDeviates } from "../../../src/engine/parse/activityStatus";

describe("an activity's Status cell", () => {
  test.each([
    ["Pågår", "ongoing"],
    ["pågående", "ongoing"],
    ["Påbörjad", "ongoing"],
    ["Klar", "done"],
    ["Genomförd", "done"],
    ["Avslutad", "done"],
    ["Ej påbörjad", "not-started"],
    ["Inte påbörjad", "not-started"],
    ["Försenad", "delayed"],
    ["Uppskjuten", "delayed"],
    ["Ej genomförd", "not-done"],
    ["Inställd", "cancelled"],
    ["Avbruten", "cancelled"],
    // The hemtjänst walk's words, and words around a status.
    ["Pågår enligt plan", "ongoing"],
    ["Ej startad", "not-started"],
    ["Ej påbörjad p.g.a. leveransproblem", "not-started"],
    ["Ej klar", "not-done"],
    ["Pausad", "delayed"],
    ["Pågår, försenad", "delayed"],
    ["Delvis klar", "ongoing"],
  ])("%s is %s", (text, status) => expect(parseActivityStatus(text)).toBe(status));

  test.each(["", "Se analys", "🟢", "Ja", "Grön"])("%j states none", (text) =>
    expect(parseActivityStatus(text)).toBeNull(),
  );

  test("deviates when delayed or cancelled, or not started past its end in the period", () => {
    expect(statusDeviates("delayed", "2021-12-31", "2021-04-30")).toBe(true);
    expect(statusDeviates("cancelled", null, null)).toBe(true);
    // The IFO walk's `Ej påbörjad` activities ending 30 April, at T1 2021.
    expect(statusDeviates("not-started", "2021-04-30", "2021-04-30")).toBe(true);
    // Not started, due only in December: on plan at T1; no period: not judged.
    expect(statusDeviates("not-started", "2021-12-31", "2021-04-30")).toBe(false);
    expect(statusDeviates("not-started", "2021-04-30", null)).toBe(false);
    expect(statusDeviates("not-done", "2021-08-31", "2021-08-31")).toBe(true);
    expect(statusDeviates("not-done", "2021-12-31", "2021-08-31")).toBe(false);
    expect(statusDeviates("ongoing", "2021-01-31", "2021-04-30")).toBe(false);
    expect(statusDeviates("done", "2021-04-30", "2021-04-30")).toBe(false);
  });
});
