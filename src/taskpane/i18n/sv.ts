/** Swedish pane texts: the source of truth for which strings exist (English mirrors this shape). */

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const list = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}` : names.join("");

export const sv = {
  appTitle: "Målkoll",
  tabs: { read: "Läs in", check: "Kontrollera", generate: "Skapa tabeller", settings: "Inställningar" },
  busy: "Arbetar …",
  errorTitle: "Det gick inte",
  dismiss: "Stäng",
  retry: "Försök igen",
  readDenied:
    "Excel lät inte Målkoll läsa arbetsboken. Den kan ha begränsad behörighet eller ett skyddat blad som inte får läsas. Öppna en egen kopia eller be ägaren om läsbehörighet och försök igen.",
  severity: { error: "Fel", warning: "Varning", info: "Info" },
  severityCount: {
    error: (n: number) => count(n, "fel", "fel"),
    warning: (n: number) => count(n, "varning", "varningar"),
    info: (n: number) => count(n, "info", "info"),
  },
  announce: {
    read: (tables: number, goals: number, period: string) =>
      `Inläsningen är klar: ${count(tables, "tabell", "tabeller")}, ${count(goals, "mål", "mål")}, period ${period}.`,
    check: (e: number, w: number, i: number) =>
      `Kontrollen är klar: ${count(e, "fel", "fel")}, ${count(w, "varning", "varningar")}, ${count(i, "info", "info")}.`,
    selected: (ref: string) => `Markerade ${ref}`,
  },
  period: {
    label: "Period",
    unread: "läses ur arbetsboken",
    unknown: "okänd",
    fromWorkbook: "ur arbetsboken",
    fromPlan: "plan: bara plantabeller",
    chosen: "vald här",
    none: "Arbetsboken anger ingen period. Välj en så att utfallen kan bedömas.",
    unneeded: "inget här bedöms mot en period",
    noYear: "Arbetsboken anger inte periodens år. Ange året, så får tabellerna rätt rubriker.",
    change: "Ändra period",
    choose: "Välj period",
    chooseYear: "Ange år",
    fromSheetName: (sheet: string) => `ur bladnamnet ”${sheet}”`,
    yearFromSheet: (sheet: string) => `året ur bladnamnet ”${sheet}”`,
    kind: "Period",
    year: "År",
    apply: "Använd",
    cancel: "Avbryt",
    useWorkbook: "Använd arbetsbokens",
    invalidYear: "Ange ett år med fyra siffror, t.ex. 2021.",
    kinds: { T1: "Tertial 1", T2: "Tertial 2", VB: "Verksamhetsberättelse", VP: "Verksamhetsplan" },
  },
  read: {
    intro: "Målkoll läser arbetsbokens blad och letar upp indikator-, aktivitets- och budgettabeller.",
    run: "Läs in arbetsboken",
    rerun: "Läs in igen",
    nothingYet: "Inget inläst ännu.",
    summary: "Inläst",
    sheets: (n: number) => count(n, "blad", "blad"),
    tablesFound: (n: number) => `${count(n, "tabell", "tabeller")} ${n === 1 ? "hittad" : "hittade"}`,
    crossTablesFound: (n: number) =>
      `${count(n, "korstabell", "korstabeller")} ${n === 1 ? "hittad" : "hittade"} (se nedan)`,
    nothingRecognised:
      "Inga tabeller kändes igen. Peka ut den första tabellen: välj blad och rubrikrad och säg vad den innehåller. Det sparas i arbetsboken.",
    rows: (n: number) => count(n, "rad", "rader"),
    unreadColumns: (n: number) =>
      `${count(n, "kolumn", "kolumner")} med värden läses inte (se Kontrollera). Ange ${n === 1 ? "dess" : "deras"} roll under Rätta tolkning.`,
    textColumns: (headers: string[]) =>
      headers.length === 1
        ? `Kolumnen ”${headers[0]}” har bara text, inga tal, och läses inte.`
        : `Kolumnerna ${list(headers.map((h) => `”${h}”`))} har bara text, inga tal, och läses inte.`,
    goals: (n: number) => count(n, "mål", "mål"),
    hiddenSheets: (names: string[]) =>
      `${names.length === 1 ? "Ett dolt blad" : `${names.length} dolda blad`} med tabeller läses inte: ${list(names.map((n) => `”${n}”`))} (se Kontrollera).`,
    hiddenRows: (n: number) => `${count(n, "dold rad", "dolda rader")} läses inte (se Kontrollera).`,
    namelessRows: (n: number) =>
      `${count(n, "rad", "rader")} utan namn i tabellen läses inte (se Kontrollera).`,
    rowsNotRead: (n: number) =>
      `${count(n, "rad", "rader")} efter en tom rad under tabellen läses inte (se Kontrollera).`,
    tables: "Tabeller",
    correct: "Rätta tolkning",
    blocks: "Block som liknar tabeller",
    blocksHint: "Målkoll kunde inte tolka kolumnerna. Säg vad blocket är, så läses det som en tabell.",
    interpret: "Tolka blocket",
    crossTables: "Korstabeller",
    crossTablesHint:
      "Belopp per rad och kolumn med summakolumn och summarad. Målkoll kontrollerar summorna åt båda hållen och skriver ut tabellen på fliken Målkoll Korstabeller; vill du ha den i Driftbudget, tolka den som Annan budgettabell.",
    pointOut: "Peka ut en tabell",
    pointOutHint: "För en tabell som Målkoll inte hittade alls: ange var rubrikraden börjar.",
  },
  mapping: {
    declareTitle: "Peka ut en tabell",
    sheet: "Blad",
    headerCell: "Rubrikradens första cell",
    headerCellHint: "T.ex. A3: raden med kolumnrubrikerna.",
    invalidCell: "Ange en cell, t.ex. A3.",
    emptyRow: "Raden är tom. Ange cellen där rubrikerna börjar.",
    type: "Tabelltyp",
    chooseType: "Välj vad tabellen är",
    typeNeeded: "Välj tabelltyp först.",
    ignoreTable: "Hoppa över tabellen",
    notATable: "Det här är ingen tabell",
    columns: (n: number) => `Kolumner (${n})`,
    role: (header: string, letter: string) => `${letter}: ${header || "utan rubrik"}`,
    skipOnSheet: (header: string, n: number) => `Hoppa över ”${header}” i alla ${n} tabeller på bladet`,
    noRole: "Okänd",
    otherRole: "Roll från en annan tabelltyp",
    directions: (n: number) => `Riktning per indikator (${n})`,
    direction: (name: string) => name,
    save: "Spara i arbetsboken",
    saved: "Rättelsen är sparad i arbetsboken och kontrollen körd igen.",
    savedEmpty: (at: string) =>
      `Rättelsen är sparad, men tabellen i ${at} fick inga rader. Kontrollera att kolumnen Namn är den med radernas namn (indikatorer, aktiviteter, budgetrader) och att raderna under rubriken har värden i de kolumner du angav.`,
    cancel: "Avbryt",
  },
  roles: {
    name: "Namn",
    goal: "Mål",
    goalLevel: "Målnivå",
    goalId: "Mål-id",
    outcome: "Periodens utfall",
    outcomeMen: "Utfall män/pojkar",
    outcomeWomen: "Utfall kvinnor/flickor",
    previous: "Föregående utfall",
    forecast: "Prognos helår",
    target: "Årsmål",
    kfTarget: "KF:s årsmål",
    period: "Period",
    periodicity: "Periodicitet",
    unit: "Enhet",
    direction: "Riktning",
    analysis: "Analys",
    comment: "Kommentar",
    start: "Startdatum",
    end: "Slutdatum",
    deviationFlag: "Avvikelse (markering)",
    status: "Status (Pågår, Klar, Ej påbörjad)",
    assessment: "Bedömning (Uppfyllt, Delvis uppfyllt, Ej uppfyllt)",
    budget: "Budget",
    adjustments: "Begärda budgetjusteringar",
    changes: "Prestations- och omslutningsförändringar",
    forecastBeforeTransfers: "Prognos före resultatöverföring",
    forecastAfterTransfers: "Prognos efter resultatöverföring",
    budgetDeviation: "Avvikelse (belopp)",
    grossBudget: "Bruttobudget",
    carryOverFrom: "Resultatöverföring från föregående år",
    estimatedResult: "Beräknat resultat",
    ownTrading: "Eget handlande",
    carryOverTo: "Resultatöverföring till nästa år",
    amount: "Belopp",
    ignore: "Hoppa över",
  },
  directions: {
    higher: "Högre är bättre",
    lower: "Lägre är bättre",
    band: "Inom intervall",
    max: "Tak (max)",
    increase: "Ska öka",
    unknown: "Okänd",
  },
  check: {
    run: "Kontrollera",
    intro: "Kontrollera läser arbetsboken och listar det som behöver rättas eller skrivas.",
    summary: (e: number, w: number, i: number) =>
      `${count(e, "fel", "fel")}, ${count(w, "varning", "varningar")}, ${count(i, "info", "info")}`,
    noFindings: "Inga anmärkningar. Allt som gick att kontrollera stämmer.",
    /** Flags an earlier Skapa tabeller left on cells the check no longer lists (Kontrollera writes nothing). */
    staleFlags: (n: number) =>
      `${n === 1 ? "En flagga sitter" : `${n} flaggor sitter`} kvar på ${n === 1 ? "en cell som" : "celler som"} inte längre har något fynd. ${n === 1 ? "Den tas" : "De tas"} bort när du skapar tabellerna igen, eller med Rensa flaggor.`,
    filtered: (summary: string) => `Filtret visar ${summary}.`,
    noneMatch: "Inga anmärkningar matchar filtret.",
    /** Vad måste jag skriva? on a sheet (a `sheet:` scope) with nothing left to write: its other findings stand. */
    nothingToWriteOn: (sheet: string) =>
      `Inget att skriva på bladet ”${sheet}”. Bladets övriga anmärkningar visas när Vad måste jag skriva? stängs av.`,
    noOther: "Inga andra anmärkningar.",
    nothingJudged: "Inget att visa bland det som kunde bedömas. Lös först det som hindrar bedömningen ovan.",
    blocking: "Det här hindrar bedömningen",
    unreadable: "Det här kunde inte läsas",
    unreadableNotChecked: "Det som inte kunde läsas ovan är inte kontrollerat.",
    choosePeriod: "Välj period",
    groupBy: "Gruppera efter",
    bySeverity: "Allvarlighet",
    byGoal: "Mål",
    scope: "Visa anmärkningar för",
    wholeWorkbook: "Hela arbetsboken",
    goalsGroup: "Mål",
    unitsGroup: "Verksamhetsområden och enheter",
    resultUnitsGroup: "Resultatenheter",
    sheetsGroup: "Blad",
    mustWrite: "Vad måste jag skriva?",
    mustWriteHint:
      "Visar bara saknade analyser, utfall, prognoser och årsmål, och värden som inte går att läsa.",
    /** After mustWriteHint, only where a finding the toggle lists asks for an `Analys` row (asksForAnalysisRow). */
    mustWriteHintAnalysisRow:
      "Utan kolumnen Analys skrivs en analys på raden under sin indikator, med början ”Analys”.",
    mustWriteHintPlan: "Visar bara saknade årsmål och datum, och värden som inte går att läsa.",
    noGoal: "Utan mål",
    /** Grouped by goal: findings about the workbook or a sheet, not an item (WORKBOOK_CODES). */
    aboutWorkbook: "Om arbetsboken",
    /** After a finding's cell on a sheet that was hidden at the last read (Excel goes to none there). */
    hiddenSheet: { hidden: "dolt blad", veryHidden: "mycket dolt blad" },
    /** After a finding's cell in a row or column that was hidden at the last read. */
    hiddenCell: { row: "dold rad", column: "dold kolumn", both: "dold rad och kolumn" },
    /** Said once Excel has selected a cell in a hidden row or column: it is selected, and not seen. */
    selectedHidden: {
      row: (ref: string, row: number) =>
        `Målkoll markerade ${ref}, men rad ${row} är dold, så cellen syns inte. Visa raden: markera raderna ovanför och under den, högerklicka på en radrubrik och välj Ta fram.`,
      column: (ref: string, _row: number, column: string) =>
        `Målkoll markerade ${ref}, men kolumn ${column} är dold, så cellen syns inte. Visa kolumnen: markera kolumnerna på båda sidor om den, högerklicka på en kolumnrubrik och välj Ta fram.`,
      both: (ref: string, row: number, column: string) =>
        `Målkoll markerade ${ref}, men rad ${row} och kolumn ${column} är dolda, så cellen syns inte. Visa dem: markera raderna och kolumnerna runt dem, högerklicka på en rad- eller kolumnrubrik och välj Ta fram.`,
    },
    goToHidden: {
      hidden: (sheet: string, ref: string) =>
        `Excel kan inte gå till ${ref}: bladet ”${sheet}” var dolt när Målkoll läste arbetsboken. Visa bladet: högerklicka på en bladflik, välj Ta fram… och sedan ”${sheet}”. Tryck sedan Kontrollera, så läser Målkoll bladet och kan gå till cellen.`,
      veryHidden: (sheet: string, ref: string) =>
        `Excel kan inte gå till ${ref}: bladet ”${sheet}” var mycket dolt när Målkoll läste arbetsboken, och Excels Ta fram… listar inte ett sådant blad. Den som byggt arbetsboken kan visa det i Excel för skrivbordet: öppna VBA-redigeraren (Alt+F11), markera bladet och sätt dess egenskap Visible till xlSheetVisible. Tryck sedan Kontrollera, så läser Målkoll bladet och kan gå till cellen.`,
    },
    /** A sheet hidden after the last read (Excel refused to go there): its findings are still read. */
    goToHiddenNow: {
      hidden: (sheet: string, ref: string) =>
        `Excel kan inte gå till ${ref}: bladet ”${sheet}” har dolts sedan Målkoll läste arbetsboken. Visa bladet: högerklicka på en bladflik, välj Ta fram… och sedan ”${sheet}”. Klicka sedan på anmärkningen igen.`,
      veryHidden: (sheet: string, ref: string) =>
        `Excel kan inte gå till ${ref}: bladet ”${sheet}” har gjorts mycket dolt sedan Målkoll läste arbetsboken, och Excels Ta fram… listar inte ett sådant blad. Den som byggt arbetsboken kan visa det i Excel för skrivbordet: öppna VBA-redigeraren (Alt+F11), markera bladet och sätt dess egenskap Visible till xlSheetVisible. Klicka sedan på anmärkningen igen.`,
    },
  },
  generate: {
    intro:
      "Skapar rapportens tabeller (tertial, verksamhetsberättelse eller plan) på egna blad. Det du har skrivit ändras inte, men celler med anmärkningar får en färgad ram (en flagga) som Rensa flaggor tar bort.",
    forPeriod: (period: string) => `Tabellerna skapas för ${period}.`,
    yearMissing: (period: string) => `${period}: året saknas.`,
    forWorkbookPeriod: "Perioden läses ur arbetsboken när tabellerna skapas.",
    periodUnneeded:
      "Ingen period behövs: arbetsboken har inga mål, indikatorer, aktiviteter eller budgetrader att bedöma.",
    periodNeeded:
      "Arbetsboken anger ingen period. Välj period högst upp (den gäller både kontroll och tabeller) och skapa tabellerna igen.",
    yearNeeded: "Arbetsboken anger inte periodens år. Ange året högst upp och skapa tabellerna igen.",
    run: "Skapa tabeller",
    cancel: "Avbryt",
    cancelling: "Avbryter …",
    cancelled: "Avbrutet. Inget skrevs.",
    cannotCancel: "Bladen skrivs nu och kan inte avbrytas mitt i utan att arbetsboken blir halvfärdig.",
    tooLateToCancel: (n: number) =>
      `Avbryt kom för sent: skrivningen hade redan börjat. ${count(n, "blad skapades", "blad skapades")}.`,
    progress: "Förlopp",
    done: (n: number) => `${count(n, "blad skapades", "blad skapades")}.`,
    remaining: (errors: number, warnings: number) =>
      `${list([...(errors ? [count(errors, "fel", "fel")] : []), ...(warnings ? [count(warnings, "varning", "varningar")] : [])])} står kvar under Kontrollera: tabellerna visar arbetsboken som den är nu.`,
    withTables: (sheets: string[]) => `Tabeller finns på ${list(sheets)}.`,
    foundNothing: (sheets: string[]) =>
      `${list(sheets)} ${sheets.length === 1 ? "är tomt" : "är tomma"}: inget sådant hittades i arbetsboken.`,
    unreadBlocks: (sheets: string[], cells: string[], more: number) =>
      `${list(sheets)} ${sheets.length === 1 ? "är tomt" : "är tomma"}: inget sådant kunde läsas. ${
        cells.length + more === 1
          ? `Blocket i ${cells[0]} ser ut som en tabell men kunde inte tolkas: tolka det`
          : `Blocken i ${list(more ? [...cells, `${more} till`] : cells)} ser ut som tabeller men kunde inte tolkas: tolka dem`
      } under Läs in.`,
    noDeviations: "Målkoll Avvikelser är tomt: inga avvikelser.",
    nothingRecognised:
      "Inga tabellflikar skapades: Målkoll kände inte igen någon tabell. Peka ut en under Läs in. Körningen är loggad i arbetsboken.",
    clearFlags: "Rensa flaggor",
    moreUnderCheck: (n: number) =>
      `${count(n, "anmärkning till", "anmärkningar till")} från skrivningen står under Kontrollera.`,
    flagsCleared: (n: number) => `${count(n, "flagga togs bort", "flaggor togs bort")}.`,
    flagsKeptOnProtected: (sheet: string, n: number) =>
      `${count(n, "flagga", "flaggor")} på bladet ”${sheet}” står kvar: bladet är skyddat, och Excel låter ingen ta bort villkorsstyrd formatering där. Ta bort bladskyddet och rensa igen.`,
    copyTitle: "Kopiera till Word",
    table: "Tabell",
    copy: "Kopiera tabell för Word",
    copied: "Tabellen finns i urklipp. Klistra in i Word.",
    copyFailed: "Kunde inte kopiera till urklipp. Tillåt urklipp för tillägget och försök igen.",
    steps: {
      read: "Läser arbetsboken",
      check: "Kontrollerar",
      report: "Bygger tabeller",
      plan: "Planerar bladen",
      write: "Skriver blad",
      done: "Klart",
    },
  },
  office: {
    title: "Målkoll kunde inte starta",
    notLoaded:
      "Office-biblioteket (office.js) kunde inte hämtas från Microsoft. Kontrollera nätverket och att ingen brandvägg eller webbläsartillägg stoppar appsforoffice.microsoft.com, och ladda sedan om.",
    noHost: "Sidan är öppnad utanför Excel. Öppna Målkoll i Excel: Start → Öppna Målkoll.",
    reload: "Ladda om",
  },
  settings: {
    intro: "Reglernas standardvärden. Ändra dem för den här arbetsboken; de sparas i arbetsboken.",
    defaultValue: (v: string) => `Standard: ${v}`,
    overridden: "Ändrad för arbetsboken",
    unsaved: "Inte sparad",
    keptUnsaved: "Dina osparade ändringar under Inställningar finns kvar. Spara dem eller återställ.",
    invalid: (min: string, max: string) => `Ange ett tal mellan ${min} och ${max}.`,
    save: "Spara inställningar",
    reset: "Återställ standard",
    saved: "Inställningarna är sparade i arbetsboken.",
  },
};

export type Strings = typeof sv;
