/**
 * `activity-deviation-unmarked`: an activity whose analysis says it was not done, with no
 * Avvikelse (DOMAIN: 002 line 1040), on the seeds' real rows.
 */
import * as fs from "fs";
import * as path from "path";
import { check } from "../../../src/engine";
import type { Finding } from "../../../src/engine/findings";
import { notDonePhrase } from "../../../src/engine/parse/notDone";
import { checkSeed, seedAtLines } from "../../helpers/seedAtLines";
import { snapshotOf } from "../../helpers/seedGrid";

const CODE = "activity-deviation-unmarked";
const unmarked = (findings: Finding[]) => findings.filter((f) => f.code === CODE);

describe("002 line 1040: fokusgrupper 'inte varit möjligt att utföra', no Avvikelse", () => {
  it("is a warning at its empty Avvikelse cell, under its goal, quoting the words", () => {
    const r = checkSeed("002-t2-nm-1.4.2");
    expect(unmarked(r.findings)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Uppföljning",
        cell: "D1040",
        goal: "Uppföljning!A989",
      }),
    ]);
    const [f] = unmarked(r.findings);
    expect(f.message).toContain("Förvaltningen kommer att bjuda in till fokusgrupper");
    expect(f.message).toContain("(”inte varit möjligt att utföra”)");
    expect(f.messageEn).toContain('("inte varit möjligt att utföra")');
    // 1044 and 1047 say the same ('har inte kunnat genomföras') and are marked Avvikelse.
    const marked = r.model.activities.filter((a) => a.row === 1044 || a.row === 1047);
    expect(marked.map((a) => a.deviation)).toEqual([true, true]);
  });

  it("marked Avvikelse, as the unit should, it is no finding", () => {
    const sheet = seedAtLines("002-t2-nm-1.4.2");
    sheet.values[1040 - sheet.originRow][3] = "Avvikelse";
    expect(unmarked(check(snapshotOf(sheet)).findings)).toEqual([]);
  });

  it("in a table without an Avvikelse column there is nothing to mark, and no finding", () => {
    const sheet = seedAtLines("002-t2-nm-1.4.2");
    const header = sheet.values[1038 - sheet.originRow];
    expect(header).toEqual(["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]);
    header[3] = null;
    expect(unmarked(check(snapshotOf(sheet)).findings)).toEqual([]);
  });
});

describe("the review's workbooks, on their seed rows", () => {
  it("004 line 451 (VB 2020) with the analysis 'kunde inte tas fram … genomförs inte förrän 2021'", () => {
    const sheet = seedAtLines("004-vb-kf-3.2-sjukfranvaro");
    const analysis = sheet.values[452 - sheet.originRow];
    expect(String(analysis[0])).toMatch(/^Analys Resultatet av medarbetarundersökningen/);
    analysis[0] =
      "Analys Resultatet av medarbetarundersökningen skickas till biträdande chefer i slutet av mars. Handlingsplanen kunde inte tas fram under året på grund av stängningen och genomförs inte förrän 2021.";
    const r = check(snapshotOf(sheet));
    expect(r.model.period.kind).toBe("VB");
    expect(unmarked(r.findings).map((f) => f.cell)).toEqual(["D451"]);
    expect(unmarked(r.findings)[0].message).toContain("(”kunde inte tas fram”)");
  });

  it("002 line 451 (T2 2021, Implementera Trygghetsprogrammet) with 'är försenad och påbörjas först 2022'", () => {
    const sheet = seedAtLines("002-t2-kf-1.2");
    const at = 451 - sheet.originRow;
    expect(String(sheet.values[at][0]).trim()).toBe("Implementera Trygghetsprogrammet");
    sheet.values.splice(
      at + 1,
      0,
      ["Analys"],
      ["Implementeringen av trygghetsprogrammet är försenad och påbörjas först 2022."],
    );
    const r = check(snapshotOf(sheet), { period: { kind: "T2", year: 2021 } });
    expect(unmarked(r.findings).map((f) => f.cell)).toEqual(["D451"]);
  });
});

describe("the seeds' own activity analyses", () => {
  it("002 line 1040 and 004's VB 2020 activity the unit did none of are found, in every seed fixture", () => {
    const dir = path.join(__dirname, "../../fixtures/seeds");
    const found: string[] = [];
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()) {
      const r = checkSeed(file.replace(/\.txt$/, ""));
      for (const f of unmarked(r.findings)) found.push(`${file} ${f.cell}`);
    }
    // 004 line 293: 'Verksamheten har under året inte genomfört några strukturerade insatser …',
    // unmarked in the published report. Line 357's 'har inte infört ledningsrapporter ännu' is a
    // 'not yet', as 'ännu inte påbörjats' is: no finding.
    expect(found).toEqual(["002-t2-nm-1.4.2.txt D1040", "004-vb-hela.txt D291"]);
  });
});

describe("notDonePhrase: what is not yet done, or done after all, is no phrase (review of 7 December)", () => {
  test.each([
    "Arbetet har inte påbörjats ännu, planeras starta i oktober.",
    "Utbildningen sköts upp från mars till maj och genomfördes då.",
    "Inga aktiviteter har ställts in.",
  ])("%s", (text) => {
    expect(notDonePhrase(text, 2021)).toBeNull();
  });
});

describe("notDonePhrase", () => {
  it("reads the seeds' deviations as not done (002 lines 1045, 1048, 444; 000 line 198)", () => {
    expect(
      notDonePhrase("Kollegiala observationer har inte kunnat genomföras på grund av pandemin.", 2021),
    ).toBe("inte kunnat genomföras");
    expect(notDonePhrase("Med anledning av den pågående pandemin har MVP satts på paus.", 2021)).toBe(
      "satts på paus",
    );
    expect(notDonePhrase("Den planerade brukarundersökningen har skjutits upp till 2022", 2021)).toBe(
      "skjutits upp",
    );
  });

  it("the unit as subject, and a postponement it had to make (a review's VB 2020 rows from 004)", () => {
    expect(
      notDonePhrase(
        "Enheten har under året inte genomfört några strukturerade insatser för målgruppen.",
        2020,
      ),
    ).toBe("inte genomfört några");
    expect(notDonePhrase("Vi har fått skjuta upp arbetet till 2021.", 2020)).toBe("fått skjuta upp");
    // `dessutom` ends in `om`, and is no condition.
    expect(notDonePhrase("Enheten har dessutom inte genomfört några nya upphandlingar.", 2020)).toBe(
      "inte genomfört några",
    );
    expect(notDonePhrase("Utbildningen sköts upp till våren.", 2020)).toBe("sköts upp");
  });

  it("a later year only when it is after the report's", () => {
    expect(notDonePhrase("Arbetet påbörjas först 2022.", 2021)).toBe("påbörjas först 2022");
    expect(notDonePhrase("Arbetet påbörjas först hösten 2021.", 2021)).toBeNull();
    expect(notDonePhrase("Handlingsplanen genomförs inte förrän 2021.", 2021)).toBeNull();
    expect(notDonePhrase("Handlingsplanen genomförs inte förrän 2021.", null)).toBeNull();
  });

  it("leaves done work, partial results and negations about other things alone (004 lines 121, 459)", () => {
    for (const text of [
      "Det främjande arbete i form av utbildningar inom olika ämnen har genomförts enligt plan och efterfråga.",
      "Enheten Liljeholmens dagliga verksamhet På grund av rådande pandemi har verksamheterna inte tagit emot praktikanter från jobbtorgen.",
      "Enheten Liljeholmens dagliga verksamhet Inga nya tillsvidare anställningar har gjorts inom enheten under perioden.",
      "Aktiviteten påbörjas under hösten.",
      // Still under way, partly done, planned for later in the year, a negation.
      "Arbetet har ännu inte slutförts och fortsätter under hösten.",
      "Aktiviteten har inte genomförts i sin helhet men de flesta delarna är klara.",
      "Den har ännu inte påbörjats men är planerad till hösten.",
      "Inget har skjutits upp trots pandemin.",
      "Enheten har inte genomfört alla delar, men de flesta.",
      "Enheten har ännu inte påbörjat arbetet men det är planerat till hösten.",
      "Enheten har inte hållit tidsplanen för rekryteringen helt.",
      // The review's: done, or a negation of something else, or later in the year.
      "Aktiviteten är genomförd. Medarbetare som inte genomfört utbildningen har erbjudits ett nytt tillfälle.",
      "Vi har inte behövt skjuta upp någon del av aktiviteten, allt genomfördes enligt plan.",
      "Tack vare god planering har vi inte fått skjuta upp något moment.",
      "Hade vi inte genomfört kartläggningen hade vi inte kunnat prioritera rätt.",
      "Arbetet pågår enligt plan. Vi har inte påbörjat del två ännu, den startar i september.",
      "Aktiviteten är genomförd. Enheten har inte infört några nya avgifter.",
      "Enheten har inte infört ledningsrapporter ännu.",
      // The second review's: a not-yet, relative clauses a few words back, a condition, negations.
      "Enheten har ännu inte genomfört några mätningar men de planeras till hösten.",
      "Medarbetare som under året inte genomfört någon utbildning erbjuds plats i vår.",
      "Om vi inte hade genomfört några insatser hade kostnaderna ökat.",
      "Arbetet har gått enligt plan och vi har inte heller behövt skjuta upp något.",
      "Arbetet har gått enligt plan eftersom vi inte har behövt skjuta upp något.",
    ])
      expect(notDonePhrase(text, 2021)).toBeNull();
  });
});
