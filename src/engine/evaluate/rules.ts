/**
 * The evaluation rules in words, for the README and the task pane's "Regler" view. Keep in sync
 * with src/engine/evaluate/README.md (a test checks that the README contains this text).
 */
export const RULES_DOC = `## Evaluation rules (evaluate stage)

The numbers in the reports are the controllers' own; no rule below is written in the reports
themselves (the assessments are made "by counting indicators met fully, partly, not at all").
A computed status is a suggestion shown beside the person's own assessment, never a replacement.

### Which value is judged
- T1/T2: the full-year forecast (Prognos helår) where there is one, else the period's outcome.
- VB: the outcome. VP (plan): nothing is measured yet, every status is \`not-measured\`.
- Unknown period: statuses that depend on the period are \`unknown\` (a target-less indicator is still \`no-target\`).
- \`status\` is judged against Årsmål, \`kfStatus\` against KF:s årsmål, with the same rules.
- \`statusBasis\` says which figure was judged: \`forecast\` (Prognos helår), \`outcome\`, or null
  when no status was judged on a figure. The generated tables say so in the cell: "● Uppfyllt (prognos)".
- A finding that quotes or rests on a figure judged on the forecast says so, since the outcome
  may read otherwise (6,8 % outcome, 6,5 % forecast): "(”Sjukfrånvaro”: prognos 6,5 % mot 5 %)",
  "”…” avviker från målet enligt prognosen (Årsmål: uppfylls delvis) men saknar analys"; in
  English "forecast 6,5 % against 5 %", "deviates from its target on its forecast". The
  Avvikelser sheet names the figure ("Prognos 6,5 % mot 5 %").
- \`kfStatus\` is \`not-comparable\` when KF:s årsmål has another scope than the nämnd's figure: a count
  (\`st\`, or an \`Antal …\` written without a unit) whose KF target is at least five times the nämnd's
  Årsmål (002: \`44 st\` against \`800 st\`, \`800 st\` against \`9 000 st\` — city-wide counts). Counts of
  the same scope stay comparable (\`4,9\` against \`4,9\` children per staff). A not-comparable KF
  status is never shown as "Ej uppfyllt", is not counted for the goal and asks for no analysis.

### Direction (is higher or lower better)
1. An explicit \`Riktning\` column, or the user's per-workbook override (the model builder puts both in \`statedDirection\`).
2. The built-in catalogue (\`DIRECTION_CATALOGUE\` in direction.ts): name patterns from the city's
   indicators in the seed reports, each with its reason. Lower is better for shares on ekonomiskt
   bistånd, sjukfrånvaro, återaktualisering, CO2/klimatpåverkan, food waste (matsvinn), energy, children per group or per
   staff, external consultants/hired staff, hourly staff, the number of staff a home-care client
   meets, evictions, emergency housing. Higher is better for satisfaction, safety, indexes (AMI), staff who
   recommend their workplace, children enrolled in förskola, positive
   experiences, self-sufficiency, places and jobs provided, shares doing a desired thing, and a
   unit's own shares of what it provides (training taken, care plans, Senior alert, medication
   reviews, protected titles, staff talks, knowing the rules; not a share of what was not done,
   nor a count, which builds up over the year). Lower for harm in care (falls with injury,
   pressure ulcers).
   Budgetföljsamhet is a ceiling (100 %), prognossäkerhet a band.
3. The target's form: \`+/- 1 %\` → band, \`Max N\` → ceiling, \`öka\` → increase, a minimum → higher;
   a share's (\`Andel …\`) target of \`100 %\` → higher (it can go no higher), of \`0\` → lower (not a
   result, a count or a ratio to budget: they may aim at either side, and a count's 0 may mean no target).
4. Otherwise \`unknown\`, with a \`direction-unknown\` finding (info) and status \`unknown\` for plain
   numeric targets. "Most indicators are higher-is-better" is true, but a silent wrong guess turns a
   good result red; it is better to ask once (one \`Riktning\` cell or override fixes it for good).

### Status against a target (tolerance t = partlyMetTolerance, default 10 %)
- higher: value ≥ target → met; short by at most t × |target| → partly-met; else not-met.
- lower: value ≤ target → met; over by at most t × |target| → partly-met; else not-met.
- band (target = half-width h, \`+/- 1 %\`): |value| ≤ h → met; ≤ h × (1 + t) → partly-met; else not-met.
- max (a ceiling: \`Max 10 personer\`, \`högst 5 %\`, budgetföljsamhet 100 %): value ≤ ceiling → met; over
  by at most t × |ceiling| → partly-met; else not-met.
- min (a floor: \`Minst 90 %\`, \`lägst 3\`): value ≥ floor → met; short by at most t × |floor| →
  partly-met; else not-met.
- Ceilings and floors get the same band as value targets: 11 against \`Max 10 personer\` is as close
  as 11 against a lower-is-better target of 10, and the reports would call both "delvis".
- increase (\`öka\`): value > previous period → met; equal → partly-met (held, not increased);
  lower → not-met; no previous value → unknown.
- none/delegated target (\`-\`, empty, \`Tas fram av nämnd\`) → no-target.
- Units: when the value's unit and the unit written in the target are both known and of different
  kinds (% against st), the status is unknown (the mismatch itself is reported by validation).
- Why 10 %: the reports call an indicator "delvis" when it is close to its target ("två delvis,
  varav en ligger nära målvärdet", 002). 10 % of the target is the widest margin that still reads as
  close for the seed indicators (4,9 vs 4,9 children per staff; 1,3 % vs 1,3 %), while the clear
  misses stay not-met (4 % vs 3,3 % is 21 % over, 4,6 % vs 2,3 % sick leave is 100 % over). The
  tolerance is a setting: a workbook can set its own.

### Outcomes due
- \`År\` indicators have no outcome before VB: \`not-measured\`, not missing. One with a forecast
  in T1/T2 is judged on it and counted as judged for its goal, as the reports count them
  ("Bedömningen grundar sig på prognosen om att de fyra indikatorerna kommer att uppnås", 002
  line 1436, of four \`2021\` indicators); the check's summary says how many were judged on the forecast.
- \`Tertial\` indicators without an outcome in T1/T2 → \`outcome-missing\` (warning, on the empty outcome cell; in a table with no column read as the outcome, on the header of a column not read, which the message names).
- At VB every indicator without an outcome → \`outcome-missing\`.
- (An addition, 2026-12) A \`Tertial\` indicator in T1/T2 with an outcome, judged against a target, whose table has a Prognos helår column and whose
  forecast cell is empty → \`forecast-missing\` (warning, on that cell): its status falls back on the period's outcome,
  which for a figure that builds up over the year says little about the year. Not where the cell holds a dash or words
  (\`Ej mätbart T2\`), nor for budgetföljsamhet and prognossäkerhet, figures of the budget's own forecast.
- Without a known periodicity nothing is reported missing before VB.

### Analyses
- A deviating indicator (status partly-met or not-met, or kfStatus not-met) without analysis,
  an activity marked Avvikelse without analysis, and a large budget deviation without analysis
  → \`analysis-missing\`. Each message ends, in the same words for all three, with where the analysis
  goes: its empty cell in the analysis column, the empty \`Analys\` row under it, or a table with
  neither (add an Analys column, or an \`Analys: …\` row under the row).
- A total (\`Totalt\`, \`Summa …\`, \`Netto\`) asks for no analysis of its own when its own large rows
  account for its deviation: the rows it adds (as the total check reads them; a Netto its Kostnader
  and Intäkter) add up to its deviation, and what its large rows leave is not large for the total
  and at most half of it.
  The analyses are written where a deviation arises (002 per area, 004 per cost); the total's
  \`budget-deviation-large\` names the rows. A total of many small deviations, or one its rows do not
  add up to, keeps its own \`analysis-missing\`.
- An activity whose analysis says plainly that it was not done (\`har inte kunnat genomföras\`,
  \`inte varit möjligt att utföra\`, \`skjutits upp\`, \`är försenad\`, \`påbörjas först 2022\` in
  a 2021 report) while its Avvikelse cell is empty → \`activity-deviation-unmarked\`
  (002 line 1040). Its goal counts it as an activity with a deviation all the same.

### Goals
- Evidence: the indicators and activities whose \`goal\` is the goal, plus everything under its
  children (a set, so nothing counts twice). KF mål roll up into their inriktningsmål, nämndmål into
  their KF mål, enhetsmål into their nämndmål/KF mål.
- An indicator row named as an earlier one under the same goal (a row copied under itself,
  \`duplicate-indicator\`) is the same indicator: the first row counts, its copies don't. Counts
  outside the goals (\`check\`'s summary, a roll-up's indicators by status) take the same rows,
  \`countedIndicators\`.
- An enhetsmål with no evidence of its own is judged on its KF mål block (the direct evidence of its
  ancestors up to and including the KF mål): unit reports put the KF mål's tables first and close
  the block with the Enhetsmål (004).
- An indicator counts with its status, or with its kfStatus when the nämnd set no usable target.
- Suggested assessment: nothing measured and no activities → none; every measured indicator met
  and no activity deviating → helt, except that a goal whose indicators are all unmeasured or
  unjudged gets none (its activities alone do not show it fully met), and so does a goal with an
  indicator not measured (no outcome, and at T1/T2 no forecast) whose outcome is due (every one at
  VB, a tertial one at T1 and T2: three met
  and two without an outcome is not fully met as far as anyone can tell); none met and some not met
  → ej; otherwise delvis.
  Plan (VP) and unknown periods get no suggestion.
- \`assessment-contradicts\`: stated helt while an indicator under it is not-met or an activity has
  Avvikelse; stated ej while at least one indicator under it is measured, none is not-met and no
  activity has Avvikelse (absence of evidence does not contradict). \`Ingen\` and delvis never do.
  The stated assessment is never changed.
- An indicator's own assessment in a unit's table (\`Bedömning\`, \`Måluppfyllelse\`, \`Trafikljus\`):
  \`assessment-contradicts\` where it says helt and the indicator (as its goal counts it) is not-met or
  partly-met, or says ej and it is met; delvis never contradicts. Follow-ups only.

### Budget
- Avvikelse = Budget + Begärda BJ (+ Prestations- och omslutningsförändringar) − Prognos (the final
  forecast: efter resultatöverföringar where there are both), rounded to the table's decimals
  (mnkr one decimal, tkr/kr none). Before/after resultatdisposition: the row before repeats the
  netto row; the row after adds the överskott från/till rows (19,9 + 76,1 − 89,1 = 6,9).
- Large deviation: |Avvikelse| above budgetDeviationShare (1 %) of the revised budget (Budget + BJ +
  förändringar) AND above budgetDeviationMinMnkr (0,5 mnkr = 500 tkr = 500 000 kr) → warning. In a
  workbook whose largest budget (in all its deviation tables, varav and disposition rows aside) is under budgetDeviationMinMnkr /
  budgetDeviationShare (50 mnkr), a unit's, that minimum is budgetDeviationShare of its largest
  budget instead (1 % of 16 550 tkr = 165,5 tkr).
  \`varav\` rows are included: a sub-area's large deviation (002: varav flykting +36,0 and varav barn
  och ungdom −11,0) is what the nämnd must explain even when the parent row nets it out.
  Disposition rows are skipped (they are transfers, not deviations).
- Result units: a surplus carried to next year above resultUnitCap (10 %) of the gross budget →
  \`result-unit-cap\`, beyond half a unit of rounding (002: 10 396 against 10 % of 103 955 is within
  rounding). Deficits carried over are not capped.
- Budgetföljsamhet = prognos / (budget + BJ + förändringar), in percent, target 100 % as a ceiling
  (met when ≤ 100 %); before transfers from the whole-nämnd netto forecast, after transfers from the
  deviation after resultatdisposition (002: 2 447,1 / 2 467,0 = 99,2 %; 2 460,1 / 2 467,0 = 99,7 %).
- Without the city's two Driftbudget tables (or a netto row in them with budget and prognos): from the
  whole nämnd's netto in another budget table, such as a T1 \`Mnkr | Budget | Begärda BJ | Prognos
  helår T1 | Avvikelse\` over Kostnader, Intäkter, Netto. Its row is \`Netto\` (\`Anslag … (netto)\`) or
  \`Totalt\` (not \`Summa kostnader\`) with budget and prognos and Budget + BJ above zero, in a table
  with a Begärda BJ column (a unit's own \`Budget | Utfall | Avvikelse\` has none) under a heading
  naming no unit (\`Driftbudget Resursenheten 2021\` is a unit's), in a workbook without Enhetsmål (a
  unit's); of several, the largest Budget + BJ in mnkr (the whole nämnd holds each area and unit),
  the first of equal ones. Before transfers from its prognos (after them where
  the column says \`efter resultatöverföringar\`/\`efter RÖ\`), after them from its row after
  resultatdisposition; no prognossäkerhet.
- Prognossäkerhet (at VB, when the row has a year-end outcome column): (outcome − forecast) /
  (budget + BJ + förändringar), in percent, target ±1 %.
`;
