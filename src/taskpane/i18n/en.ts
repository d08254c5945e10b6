import type { Strings } from "./sv";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const list = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names.join("");

export const en: Strings = {
  appTitle: "Målkoll",
  tabs: { read: "Read", check: "Check", generate: "Create tables", settings: "Settings" },
  busy: "Working …",
  errorTitle: "That did not work",
  dismiss: "Close",
  retry: "Try again",
  readDenied:
    "Excel did not let Målkoll read the workbook. It may have restricted permissions or a protected sheet that may not be read. Open your own copy or ask the owner for read access, then try again.",
  severity: { error: "Error", warning: "Warning", info: "Info" },
  severityCount: {
    error: (n: number) => count(n, "error", "errors"),
    warning: (n: number) => count(n, "warning", "warnings"),
    info: (n: number) => count(n, "info", "info"),
  },
  announce: {
    read: (tables: number, goals: number, period: string) =>
      `Reading is done: ${count(tables, "table", "tables")}, ${count(goals, "goal", "goals")}, period ${period}.`,
    selected: (ref: string) => `Selected ${ref}`,
    check: (e: number, w: number, i: number) =>
      `The check is done: ${count(e, "error", "errors")}, ${count(w, "warning", "warnings")}, ${count(i, "info", "info")}.`,
  },
  period: {
    label: "Period",
    unread: "read from the workbook",
    unknown: "unknown",
    fromWorkbook: "from the workbook",
    fromPlan: "plan: plan tables only",
    chosen: "chosen here",
    none: "The workbook states no period. Choose one so that outcomes can be assessed.",
    unneeded: "nothing here is assessed against a period",
    noYear:
      "The workbook does not state the period's year. Enter it, so that the tables get the right titles.",
    change: "Change period",
    choose: "Choose period",
    chooseYear: "Enter year",
    fromSheetName: (sheet: string) => `from the sheet name "${sheet}"`,
    yearFromSheet: (sheet: string) => `year from the sheet name "${sheet}"`,
    kind: "Period",
    year: "Year",
    apply: "Use",
    cancel: "Cancel",
    useWorkbook: "Use the workbook's",
    invalidYear: "Enter a four-digit year, e.g. 2021.",
    kinds: { T1: "Tertial 1", T2: "Tertial 2", VB: "Annual report", VP: "Business plan" },
  },
  read: {
    intro: "Målkoll reads the workbook's sheets and finds indicator, activity and budget tables.",
    run: "Read the workbook",
    rerun: "Read again",
    nothingYet: "Nothing read yet.",
    summary: "Read",
    sheets: (n: number) => count(n, "sheet", "sheets"),
    tablesFound: (n: number) => `${count(n, "table", "tables")} found`,
    crossTablesFound: (n: number) => `${count(n, "cross table", "cross tables")} found (see below)`,
    nothingRecognised:
      "No tables were recognised. Point out the first table: choose its sheet and header row and say what it holds. This is saved in the workbook.",
    rows: (n: number) => count(n, "row", "rows"),
    unreadColumns: (n: number) =>
      `${count(n, "column", "columns")} with values ${n === 1 ? "is" : "are"} not read (see Check). Give ${n === 1 ? "its" : "their"} role under Correct mapping.`,
    textColumns: (headers: string[]) =>
      headers.length === 1
        ? `The column "${headers[0]}" holds only text, no figures, and is not read.`
        : `The columns ${list(headers.map((h) => `"${h}"`))} hold only text, no figures, and are not read.`,
    goals: (n: number) => count(n, "goal", "goals"),
    hiddenSheets: (names: string[]) =>
      `${names.length === 1 ? "A hidden sheet" : `${names.length} hidden sheets`} with tables ${names.length === 1 ? "is" : "are"} not read: ${list(names.map((n) => `"${n}"`))} (see Check).`,
    hiddenRows: (n: number) => `${count(n, "hidden row is", "hidden rows are")} not read (see Check).`,
    namelessRows: (n: number) =>
      `${count(n, "row", "rows")} without a name in the table ${n === 1 ? "is" : "are"} not read (see Check).`,
    rowsNotRead: (n: number) =>
      `${count(n, "row", "rows")} after a blank row under the table ${n === 1 ? "is" : "are"} not read (see Check).`,
    tables: "Tables",
    correct: "Correct mapping",
    blocks: "Blocks that look like tables",
    blocksHint: "Målkoll could not map their columns. Say what a block is and it is read as a table.",
    interpret: "Interpret the block",
    crossTables: "Cross tables",
    crossTablesHint:
      "Amounts by row and column with a total column and a total row. Målkoll checks the sums both ways and prints the table on the Målkoll Korstabeller sheet; to have it in Driftbudget, interpret it as Other budget table.",
    pointOut: "Point out a table",
    pointOutHint: "For a table Målkoll did not find at all: say where its header row starts.",
  },
  mapping: {
    declareTitle: "Point out a table",
    sheet: "Sheet",
    headerCell: "First cell of the header row",
    headerCellHint: "E.g. A3: the row with the column headers.",
    invalidCell: "Enter a cell, e.g. A3.",
    emptyRow: "The row is empty. Enter the cell where the headers start.",
    type: "Table type",
    chooseType: "Choose what the table is",
    typeNeeded: "Choose the table type first.",
    ignoreTable: "Skip this table",
    notATable: "This is not a table",
    columns: (n: number) => `Columns (${n})`,
    role: (header: string, letter: string) => `${letter}: ${header || "no header"}`,
    skipOnSheet: (header: string, n: number) => `Skip "${header}" in all ${n} tables on the sheet`,
    noRole: "Unknown",
    otherRole: "Role from another table type",
    directions: (n: number) => `Direction per indicator (${n})`,
    direction: (name: string) => name,
    save: "Save in the workbook",
    saved: "The correction is saved in the workbook and the check has run again.",
    savedEmpty: (at: string) =>
      `The correction is saved, but the table at ${at} got no rows. Check that the Name column is the one holding the rows' names (indicators, activities, budget lines), and that the rows under the header have values in the columns you set.`,
    cancel: "Cancel",
  },
  roles: {
    name: "Name",
    goal: "Goal",
    goalLevel: "Goal level",
    goalId: "Goal id",
    outcome: "Outcome for the period",
    outcomeMen: "Outcome men/boys",
    outcomeWomen: "Outcome women/girls",
    previous: "Previous outcome",
    forecast: "Full-year forecast",
    target: "Annual target",
    kfTarget: "City council target",
    period: "Period",
    periodicity: "Periodicity",
    unit: "Unit",
    direction: "Direction",
    analysis: "Analysis",
    comment: "Comment",
    start: "Start date",
    end: "End date",
    deviationFlag: "Deviation (mark)",
    status: "Status (ongoing, done, not started)",
    assessment: "Assessment (met, partly met, not met)",
    budget: "Budget",
    adjustments: "Requested budget adjustments",
    changes: "Volume and turnover changes",
    forecastBeforeTransfers: "Forecast before transfers",
    forecastAfterTransfers: "Forecast after transfers",
    budgetDeviation: "Deviation (amount)",
    grossBudget: "Gross budget",
    carryOverFrom: "Carry-over from last year",
    estimatedResult: "Estimated result",
    ownTrading: "Own trading",
    carryOverTo: "Carry-over to next year",
    amount: "Amount",
    ignore: "Skip",
  },
  directions: {
    higher: "Higher is better",
    lower: "Lower is better",
    band: "Within a band",
    max: "Ceiling (max)",
    increase: "Should increase",
    unknown: "Unknown",
  },
  check: {
    run: "Check",
    intro: "Check reads the workbook and lists what needs correcting or writing.",
    summary: (e: number, w: number, i: number) =>
      `${count(e, "error", "errors")}, ${count(w, "warning", "warnings")}, ${count(i, "info", "info")}`,
    noFindings: "No findings. Everything that could be checked adds up.",
    staleFlags: (n: number) =>
      `${n === 1 ? "One flag remains on a cell that no longer has" : `${n} flags remain on cells that no longer have`} a finding. ${n === 1 ? "It is" : "They are"} removed when you create the tables again, or with Clear flags.`,
    filtered: (summary: string) => `The filter shows ${summary}.`,
    noneMatch: "No findings match the filter.",
    nothingToWriteOn: (sheet: string) =>
      `Nothing to write on the sheet "${sheet}". Its other findings show when What must I write? is off.`,
    noOther: "No other findings.",
    nothingJudged: "Nothing to show among what could be judged. First solve what blocks judging above.",
    blocking: "What blocks judging",
    unreadable: "Could not be read",
    unreadableNotChecked: "What could not be read above is not checked.",
    choosePeriod: "Choose period",
    groupBy: "Group by",
    bySeverity: "Severity",
    byGoal: "Goal",
    scope: "Show findings for",
    wholeWorkbook: "The whole workbook",
    goalsGroup: "Goals",
    unitsGroup: "Areas and units",
    resultUnitsGroup: "Result units",
    sheetsGroup: "Sheets",
    mustWrite: "What must I write?",
    mustWriteHint:
      "Shows only missing analyses, outcomes, forecasts and annual targets, and values that cannot be read.",
    mustWriteHintAnalysisRow:
      'Without an Analys column, an analysis goes on the row under its indicator, starting with "Analys".',
    mustWriteHintPlan: "Shows only missing annual targets and dates, and values that cannot be read.",
    noGoal: "No goal",
    aboutWorkbook: "About the workbook",
    hiddenSheet: { hidden: "hidden sheet", veryHidden: "very hidden sheet" },
    hiddenCell: { row: "hidden row", column: "hidden column", both: "hidden row and column" },
    selectedHidden: {
      row: (ref: string, row: number) =>
        `Målkoll selected ${ref}, but row ${row} is hidden, so the cell cannot be seen. Unhide the row: select the rows above and below it, right-click a row heading and choose Unhide.`,
      column: (ref: string, _row: number, column: string) =>
        `Målkoll selected ${ref}, but column ${column} is hidden, so the cell cannot be seen. Unhide the column: select the columns on either side of it, right-click a column heading and choose Unhide.`,
      both: (ref: string, row: number, column: string) =>
        `Målkoll selected ${ref}, but row ${row} and column ${column} are hidden, so the cell cannot be seen. Unhide them: select the rows and columns around them, right-click a row or column heading and choose Unhide.`,
    },
    goToHidden: {
      hidden: (sheet: string, ref: string) =>
        `Excel cannot go to ${ref}: the sheet "${sheet}" was hidden when Målkoll read the workbook. Unhide it: right-click a sheet tab, choose Unhide… and then "${sheet}". Then press Check, so that Målkoll reads the sheet and can go to the cell.`,
      veryHidden: (sheet: string, ref: string) =>
        `Excel cannot go to ${ref}: the sheet "${sheet}" was very hidden when Målkoll read the workbook, and Excel's Unhide… does not list such a sheet. Whoever built the workbook can show it in desktop Excel: open the VBA editor (Alt+F11), select the sheet and set its Visible property to xlSheetVisible. Then press Check, so that Målkoll reads the sheet and can go to the cell.`,
    },
    /** A sheet hidden after the last read (Excel refused to go there): its findings are still read. */
    goToHiddenNow: {
      hidden: (sheet: string, ref: string) =>
        `Excel cannot go to ${ref}: the sheet "${sheet}" has been hidden since Målkoll read the workbook. Unhide it: right-click a sheet tab, choose Unhide… and then "${sheet}". Then click the finding again.`,
      veryHidden: (sheet: string, ref: string) =>
        `Excel cannot go to ${ref}: the sheet "${sheet}" has been set to very hidden since Målkoll read the workbook, and Excel's Unhide… does not list such a sheet. Whoever built the workbook can show it in desktop Excel: open the VBA editor (Alt+F11), select the sheet and set its Visible property to xlSheetVisible. Then click the finding again.`,
    },
  },
  generate: {
    intro:
      "Creates the report's tables (tertial, annual report or plan) on sheets of their own. Nothing you wrote is changed, but cells with findings get a coloured border (a flag), which Clear flags removes.",
    forPeriod: (period: string) => `The tables are created for ${period}.`,
    yearMissing: (period: string) => `${period}: the year is missing.`,
    forWorkbookPeriod: "The period is read from the workbook when the tables are created.",
    periodUnneeded:
      "No period is needed: the workbook has no goals, indicators, activities or budget rows to assess.",
    periodNeeded:
      "The workbook states no period. Choose the period at the top (it applies to both the check and the tables) and create the tables again.",
    yearNeeded:
      "The workbook does not state the period's year. Enter it at the top and create the tables again.",
    run: "Create tables",
    cancel: "Cancel",
    cancelling: "Cancelling …",
    cancelled: "Cancelled. Nothing was written.",
    cannotCancel:
      "The sheets are being written now and cannot be cancelled halfway without leaving the workbook half done.",
    tooLateToCancel: (n: number) =>
      `Cancel came too late: writing had already begun. ${count(n, "sheet was", "sheets were")} created.`,
    progress: "Progress",
    done: (n: number) => `${count(n, "sheet was", "sheets were")} created.`,
    remaining: (errors: number, warnings: number) =>
      `${list([...(errors ? [count(errors, "error", "errors")] : []), ...(warnings ? [count(warnings, "warning", "warnings")] : [])])} ${errors + warnings === 1 ? "remains" : "remain"} under Check: the tables show the workbook as it is now.`,
    withTables: (sheets: string[]) => `${list(sheets)} ${sheets.length === 1 ? "has" : "have"} tables.`,
    foundNothing: (sheets: string[]) =>
      `${list(sheets)} ${sheets.length === 1 ? "is" : "are"} empty: nothing of the kind was found in the workbook.`,
    unreadBlocks: (sheets: string[], cells: string[], more: number) =>
      `${list(sheets)} ${sheets.length === 1 ? "is" : "are"} empty: nothing of the kind could be read. ${
        cells.length + more === 1
          ? `The block at ${cells[0]} looks like a table but could not be interpreted: interpret it`
          : `The blocks at ${list(more ? [...cells, `${more} more`] : cells)} look like tables but could not be interpreted: interpret them`
      } under Read.`,
    noDeviations: "Målkoll Avvikelser is empty: no deviations.",
    nothingRecognised:
      "No table sheets were created: Målkoll recognised no table. Point one out under Read. The run is logged in the workbook.",
    clearFlags: "Clear flags",
    moreUnderCheck: (n: number) =>
      `${count(n, "more finding", "more findings")} from the write are under Check.`,
    flagsCleared: (n: number) => `${count(n, "flag was", "flags were")} removed.`,
    flagsKeptOnProtected: (sheet: string, n: number) =>
      `${count(n, "flag", "flags")} on the sheet "${sheet}" stay: the sheet is protected, and Excel lets no one remove conditional formatting there. Unprotect it and clear again.`,
    copyTitle: "Copy to Word",
    table: "Table",
    copy: "Copy table for Word",
    copied: "The table is on the clipboard. Paste it into Word.",
    copyFailed: "Could not copy to the clipboard. Allow clipboard access for the add-in and try again.",
    steps: {
      read: "Reading the workbook",
      check: "Checking",
      report: "Building tables",
      plan: "Planning the sheets",
      write: "Writing sheets",
      done: "Done",
    },
  },
  office: {
    title: "Målkoll could not start",
    notLoaded:
      "The Office library (office.js) could not be fetched from Microsoft. Check the network and that no firewall or browser extension blocks appsforoffice.microsoft.com, then reload.",
    noHost: "This page is open outside Excel. Open Målkoll in Excel: Home → Open Målkoll.",
    reload: "Reload",
  },
  settings: {
    intro: "The rules' default values. Change them for this workbook; they are saved in the workbook.",
    defaultValue: (v: string) => `Default: ${v}`,
    overridden: "Changed for this workbook",
    unsaved: "Not saved",
    keptUnsaved: "Your unsaved changes under Settings are kept. Save them or restore the defaults.",
    invalid: (min: string, max: string) => `Enter a number between ${min} and ${max}.`,
    save: "Save settings",
    reset: "Restore default",
    saved: "The settings are saved in the workbook.",
  },
};
