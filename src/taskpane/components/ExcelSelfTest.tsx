/**
 * Inställningar → "Testa mot Excel": runs the Office port's self-test (src/ports/office/selfTest.ts)
 * in the user's Excel and shows pass or fail per probe with host, platform, build and ExcelApi
 * set, so one screenshot tells what holds in their Excel. In the playground there is no Excel.
 */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { platformName } from "../../ports/office/host";
import type { ProbeId, SelfTestReport } from "../../ports/office/selfTest";
import { runExcelSelfTest } from "../../ports/office/selfTest";
import { useLanguage } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    marginTop: "16px",
    paddingTop: "12px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: {
    margin: 0,
    paddingLeft: "0",
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  detail: {
    display: "block",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  pass: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const TEXT = {
  sv: {
    heading: "Testa mot Excel",
    intro:
      "Provar på ett tillfälligt dolt blad det som bara riktig Excel kan visa, och tar bort bladet efteråt. Ta en skärmbild av resultatet om något underkänns.",
    run: "Testa mot Excel",
    running: "Testar …",
    onlyInExcel: "Testet körs bara i Excel, inte i lekplatsen.",
    pass: "✓ Godkänt",
    fail: "✗ Underkänt",
    failed: "Testet kunde inte köras:",
    leftover:
      "Det tillfälliga bladet kunde inte tas bort; det tas bort nästa gång Målkoll läser arbetsboken.",
    probes: {
      "text-prefixes": "Text som börjar med = + - @ förblir text",
      "iso-date-text": "Datumtexten 2021-08-31 förblir text",
      "date-system": "Ett datum som Målkoll skriver visar samma dag i arbetsbokens datumsystem",
      "flag-add-remove": "En flagga läggs till och tas bort; en egen regel bredvid finns kvar",
      "large-write-read": "6 MB skrivs och läses i anrop under 5 MB",
    } satisfies Record<ProbeId, string>,
  },
  en: {
    heading: "Test against Excel",
    intro:
      "Tries, on a temporary hidden sheet, what only real Excel can show, and deletes the sheet afterwards. Take a screenshot of the result if anything fails.",
    run: "Test against Excel",
    running: "Testing …",
    onlyInExcel: "The test runs in Excel only, not in the playground.",
    pass: "✓ Passed",
    fail: "✗ Failed",
    failed: "The test could not run:",
    leftover:
      "The temporary sheet could not be deleted; it is removed the next time Målkoll reads the workbook.",
    probes: {
      "text-prefixes": "Text starting with = + - @ stays text",
      "iso-date-text": "The date text 2021-08-31 stays text",
      "date-system": "A date Målkoll writes shows the same day in the workbook's date system",
      "flag-add-remove": "A flag is added and removed; a rule of your own beside it stays",
      "large-write-read": "6 MB written and read in requests under 5 MB",
    } satisfies Record<ProbeId, string>,
  },
};

/** True inside Excel (the playground may load office.js, but has no Excel host). */
function inExcel(): boolean {
  return (
    typeof Excel !== "undefined" && typeof Office !== "undefined" && String(Office.context?.host) === "Excel"
  );
}

export function ExcelSelfTest({
  run = () => runExcelSelfTest(),
  available = inExcel(),
}: {
  run?: () => Promise<SelfTestReport>;
  available?: boolean;
}) {
  const styles = useStyles();
  const language = useLanguage();
  const t = TEXT[language];
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<SelfTestReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (): Promise<void> => {
    setRunning(true);
    setError(null);
    try {
      setReport(await run());
    } catch (err) {
      setReport(null);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="self-test-heading">
      <h2 id="self-test-heading" className={styles.heading}>
        {t.heading}
      </h2>
      <p className={styles.text}>{available ? t.intro : t.onlyInExcel}</p>
      <div>
        <Button type="button" disabled={!available || running} onClick={() => void start()}>
          {running ? t.running : t.run}
        </Button>
        {running && <Spinner size="tiny" style={{ display: "inline-flex", marginLeft: 8 }} />}
      </div>
      {error && (
        <p role="alert" className={styles.text}>
          {t.failed} {error}
        </p>
      )}
      {report && (
        <div role="status">
          <p className={styles.text} data-testid="self-test-host">
            {[
              report.host.host,
              platformName(report.host.platform, language),
              report.host.version,
              report.excelApi ? `ExcelApi ${report.excelApi}` : null,
              report.culture,
              new Date(report.at).toLocaleString(language === "en" ? "en-GB" : "sv-SE"),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <ul className={styles.list}>
            {report.probes.map((probe) => (
              <li key={probe.id} data-probe={probe.id}>
                <span className={probe.ok ? styles.pass : styles.fail}>{probe.ok ? t.pass : t.fail}</span>{" "}
                {t.probes[probe.id]}
                <span className={styles.detail}>{probe.detail[language]}</span>
              </li>
            ))}
          </ul>
          {!report.cleanedUp && <p className={styles.text}>{t.leftover}</p>}
        </div>
      )}
    </section>
  );
}
