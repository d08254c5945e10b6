/**
 * A web export leaves HTML in the analyses it writes (004 lines 185 and 268: `<p>Analys</p>
 * <p>Enheten Liljeholmens dagliga verksamhet</p> <p>Nedan finns …</p> <p>Trofast: 20%</p> …`).
 * Finance pastes the generated tables into the Word report: the analysis prints as its paragraphs,
 * one a line, never with its tags.
 */
import { check } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import { shownText } from "../../../src/engine/report/format";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { seedSheet, snapshotOf } from "../../helpers/seedGrid";

function reportOf(sheet: SheetGrid, kind: "T2" | "VB", year: number): SheetSpec[] {
  const snapshot = snapshotOf(sheet);
  return buildReport(check(snapshot, { period: { kind, year } }), { snapshot }).sheets;
}

function texts(spec: SheetSpec): string[] {
  return spec.rows.flatMap((r) => r.map((c) => (typeof c?.value === "string" ? c.value : "")));
}

const TAG = /<\/?[a-z][^>]*>/i;

describe("the unit's VB 2020 (004), whose analyses came from a web export", () => {
  const sheets = reportOf(seedSheet("004-vb-hela", "VB 2020"), "VB", 2020);
  const indicators = sheets.find((s) => s.key === "indikatorer")!;
  const deviations = sheets.find((s) => s.key === "avvikelser")!;
  const ecological = (t: string): boolean => t.includes("Nedan finns angivet procenten");

  it("prints the indicator's analysis as its paragraphs, without tags", () => {
    const analysis = texts(indicators).find(ecological);
    expect(analysis).toBeDefined();
    expect(analysis).not.toMatch(TAG);
    expect(analysis).toMatch(
      /^Analys: Enheten Liljeholmens dagliga verksamhet\nNedan finns angivet procenten av andelen ekologiska livsmedel i förhållande till totala inköpen livsmedel\.\nTrofast: 20%\nÖrnsberg: 59%\n/,
    );
  });

  it("leaves no tag in any printed analysis, on Indikatorer or Avvikelser", () => {
    expect(texts(indicators).filter((t) => TAG.test(t))).toEqual([]);
    const analysis = texts(deviations).find(ecological);
    expect(analysis).toMatch(/^Enheten Liljeholmens dagliga verksamhet\nNedan finns/);
    expect(texts(deviations).filter((t) => TAG.test(t))).toEqual([]);
  });
});

it("prints an activity's analysis written as HTML paragraphs without its tags (002 lines 1040–1042)", () => {
  const sheet = seedSheet("002-t2-nm-1.4.2", "Uppföljning");
  const at = sheet.values.findIndex((r) => String(r[0] ?? "").startsWith("Till följd av pandemin"));
  const written = String(sheet.values[at][0]).trim();
  // Its first sentence and the rest, each a paragraph.
  const cut = written.indexOf(". ") + 1;
  const [first, rest] = [written.slice(0, cut), written.slice(cut + 1)];
  sheet.values[at] = [`<p>${first}</p> <p>${rest}</p>`];
  const activities = reportOf(sheet, "T2", 2021).find((s) => s.key === "aktiviteter")!;
  const analysis = texts(activities).find((t) => t.includes("Till följd av pandemin"));
  expect(analysis).toBe(`Analys: ${first}\n${rest}`);
});

describe("shownText leaves text that only looks like HTML as written", () => {
  it.each([
    ["a placeholder", "<Skriv analys här>"],
    ["an address", "Frågor: Anna <anna.a@stockholm.se>"],
    ["a link", "Se <https://start.stockholm> för mer"],
    ["a comparison", "Andelen < 5 % och > 2 %"],
  ])("%s", (_, text) => expect(shownText(text)).toBe(text));

  it("prints a list's items and a line break each on a line, entities read", () => {
    expect(shownText("<ul><li>Trofast 20%</li><li>Örnsberg 59%</li></ul>")).toBe("Trofast 20%\nÖrnsberg 59%");
    expect(shownText("Kök &amp; städ<br>Enligt&nbsp;plan")).toBe("Kök & städ\nEnligt plan");
  });

  it("keeps a text that would be left empty as written", () => {
    expect(shownText("<p></p>")).toBe("<p></p>");
  });
});
