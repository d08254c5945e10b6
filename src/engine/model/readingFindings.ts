/**
 * What reading left out or could not read, as findings: blocks that look like tables but can't be
 * mapped, rows under a table that are not its own, columns no role reads, hidden rows and sheets,
 * goal lists passed over and their columns. None changes the model; each tells the person what was
 * not read and how to have it read.
 */
import { a1, a1Range } from "../grid";
import type { Finding } from "../findings";
import { boundedText, finding } from "../findings";
import { shownCellText } from "../parse/date";
import { andList, cleanText } from "../parse/text";
import type { HiddenSheet, LeftOutRow, RecognisedTable, Recognition } from "../recognise/types";
import type { UnreadColumn } from "../recognise/unread";
import { sameHeaderKey, unreadColumns } from "../recognise/unread";
import { unreadOutcomeTertial } from "../recognise/headers";
import { yearOf } from "../parse/period";

/** The reading's findings onto `out`, in this order. */
export function addReadingFindings(recognition: Recognition, out: Finding[]): void {
  for (const block of recognition.unrecognised) out.push(unrecognisedFinding(block));
  for (const row of recognition.leftOut) out.push(leftOutFinding(row));
  addUnreadColumnFindings(recognition.tables, out);
  for (let t = 0; t < recognition.tables.length; t++) addHiddenRowsFinding(recognition.tables[t], out);
  for (const hidden of recognition.hiddenSheets) out.push(hiddenSheetFinding(hidden));
  for (const list of recognition.unreadGoalLists) out.push(goalListUnreadFinding(list));
  for (const heading of recognition.unreadHeadings) out.push(headingUnreadFinding(heading));
  for (const column of recognition.unreadListColumns) out.push(unreadListColumnFinding(column));
}

/** `1 rad`, `8 rader` (English `1 row`, `8 rows`). */
function rowCount(n: number, sv: boolean): string {
  return n === 1 ? (sv ? "1 rad" : "1 row") : sv ? `${n} rader` : `${n} rows`;
}

/**
 * Columns that have values but no role (Okänd): their values are not read. One finding per sheet
 * and header: a sheet that repeats its header under each goal (`Ansvarig` in eight tables) leaves
 * one column unread, not eight. It points at the first table's column and counts all the rows.
 */
function addUnreadColumnFindings(tables: readonly RecognisedTable[], out: Finding[]): void {
  const groups = new Map<string, { table: RecognisedTable; column: UnreadColumn }[]>();
  for (const table of tables)
    for (const column of unreadColumns(table)) {
      if (column.hidden) continue;
      const key = `${table.sheet}\u0000${sameHeaderKey(column.column)}`;
      const group = groups.get(key);
      if (group) group.push({ table, column });
      else groups.set(key, [{ table, column }]);
    }
  for (const group of groups.values()) out.push(unreadColumnFinding(group));
}

/** The most header cells an unread column's finding lists; the rest it counts. */
const LISTED_HEADER_CELLS = 10;

function unreadColumnFinding(group: { table: RecognisedTable; column: UnreadColumn }[]): Finding {
  const { table, column } = group[0];
  const col = column.column.col;
  const last = table.rows[table.rows.length - 1].row;
  const filled = group.reduce((n, g) => n + g.column.filled, 0);
  const base = {
    code: "column-unrecognized" as const,
    sheet: table.sheet,
    cell: a1(table.headerRow, col),
    range: a1Range(table.headerRow, col, last, col),
  };
  if (column.goalLevels)
    return finding({
      ...base,
      message: `Kolumnen ”${column.column.header}” anger målnivå, men tabellen har ingen kolumn med målens namn (Mål), så raderna knyts inte till något mål genom den (${rowCount(filled, true)}). Ange målkolumnen under Läs in → Rätta tolkning om tabellen har en.`,
      messageEn: `The column "${column.column.header}" states goal levels, but the table has no column naming the goals (Mål), so it links no row to a goal (${rowCount(filled, false)}). Set the goal column under Read → Correct mapping if the table has one.`,
    });
  const tertial = unreadOutcomeTertial(column.column);
  if (tertial !== null && table.type === "indicators-plan")
    return finding({
      ...base,
      message: `Kolumnen ”${column.column.header}” är ett tidigare utfall bredvid planens mål, så dess värden (${rowCount(filled, true)}) läses inte.`,
      messageEn: `The column "${column.column.header}" is an earlier outcome beside the plan's targets, so its values (${rowCount(filled, false)}) are not read.`,
    });
  if (tertial !== null) {
    // `Utfall T2 2021`: read as the outcome once the period is that tertial (model/periodOutcome.ts).
    const year = yearOf(column.column.header);
    const period = `T${tertial}${year === null ? "" : ` ${year}`}`;
    return finding({
      ...base,
      message: `Kolumnen ”${column.column.header}” läses som periodens utfall när perioden är ${period}, så dess värden (${rowCount(filled, true)}) bedöms inte nu. Ange period ${period} om det är den som följs upp.`,
      messageEn: `The column "${column.column.header}" is read as the period's outcome when the period is ${period}, so its values (${rowCount(filled, false)}) are not judged now. Choose the period ${period} if that is the one followed up.`,
    });
  }
  if (group.length === 1)
    return finding({
      ...base,
      message: `Kolumnen ”${column.column.header}” kunde inte tolkas, så dess värden (${rowCount(filled, true)}) läses inte. Ange kolumnens roll under Läs in → Rätta tolkning om den behövs.`,
      messageEn: `The column "${column.column.header}" could not be mapped, so its values (${rowCount(filled, false)}) are not read. Set the column's role under Read → Correct mapping if it is needed.`,
    });
  const n = group.length;
  const cells = group.map((g) => a1(g.table.headerRow, g.column.column.col));
  const listed = (sv: boolean) => {
    if (n <= LISTED_HEADER_CELLS) return andList(cells, sv ? "och" : "and");
    const more = n - (LISTED_HEADER_CELLS - 1);
    return `${cells.slice(0, LISTED_HEADER_CELLS - 1).join(", ")} ${sv ? `och ${more} till` : `and ${more} more`}`;
  };
  return finding({
    ...base,
    message:
      `Kolumnen ”${column.column.header}” i ${n} tabeller på bladet (${listed(true)}) kunde inte tolkas, så dess värden (${rowCount(filled, true)}) läses inte. ` +
      `Ange kolumnens roll under Läs in → Rätta tolkning om den behövs: Hoppa över där gäller alla ${n} tabellerna.`,
    messageEn:
      `The column "${column.column.header}" in ${n} tables on the sheet (${listed(false)}) could not be mapped, so its values (${rowCount(filled, false)}) are not read. ` +
      `Set the column's role under Read → Correct mapping if it is needed: Skip there applies to all ${n} tables.`,
  });
}

/** The most runs of row numbers a hidden-rows message lists, and the most characters of a name it quotes. */
const MAX_LISTED_RUNS = 10;
const MAX_QUOTED_NAME = 80;

/** `15, 18–20, 24`: sheet rows in order, runs of neighbours joined, the first few runs. */
function rowList(rows: number[]): string {
  const runs: string[] = [];
  for (let k = 0; k < rows.length; k++) {
    let end = k;
    while (end + 1 < rows.length && rows[end + 1] === rows[end] + 1) end++;
    if (runs.length === MAX_LISTED_RUNS) return `${runs.join(", ")} …`;
    runs.push(end > k ? `${rows[k]}–${rows[end]}` : `${rows[k]}`);
    k = end;
  }
  return runs.join(", ");
}

/** A table's hidden rows, which are not read: how many, which, and the first one's name. */
function addHiddenRowsFinding(table: RecognisedTable, out: Finding[]): void {
  const hidden = table.hiddenRows;
  if (!hidden?.length) return;
  const n = hidden.length;
  const first = hidden[0];
  const rows = rowList(hidden.map((h) => h.row));
  const whole = cleanText(first.name);
  const name = whole.length > MAX_QUOTED_NAME ? `${whole.slice(0, MAX_QUOTED_NAME).trimEnd()}…` : whole;
  const more = n > 1 ? " …" : "";
  const tableCell = a1(table.headerRow, table.firstCol);
  out.push(
    finding({
      code: "rows-hidden",
      sheet: table.sheet,
      cell: first.cell,
      range: a1Range(first.row, table.firstCol, hidden[n - 1].row, table.lastCol),
      message:
        n === 1
          ? `1 dold rad i tabellen i ${tableCell} läses inte (rad ${rows}: ”${name}”). Visa raden om den ska med.`
          : `${n} dolda rader i tabellen i ${tableCell} läses inte (rad ${rows}: ”${name}”${more}). Visa raderna om de ska med.`,
      messageEn:
        n === 1
          ? `1 hidden row in the table at ${tableCell} is not read (row ${rows}: "${name}"). Unhide the row if it belongs in the report.`
          : `${n} hidden rows in the table at ${tableCell} are not read (rows ${rows}: "${name}"${more}). Unhide the rows if they belong in the report.`,
    }),
  );
}

function hiddenSheetFinding(hidden: HiddenSheet): Finding {
  const { tables, veryHidden } = hidden;
  const sv = tables === 1 ? "dess tabell läses inte" : `dess ${tables} tabeller läses inte`;
  const en = tables === 1 ? "its table is not read" : `its ${tables} tables are not read`;
  return finding({
    code: "sheet-hidden",
    sheet: hidden.sheet,
    cell: hidden.cell,
    message: veryHidden
      ? `Bladet ”${hidden.sheet}” är mycket dolt (Excels Ta fram… listar det inte), så ${sv}.`
      : `Bladet ”${hidden.sheet}” är dolt, så ${sv}. Visa bladet (högerklicka på en bladflik, Ta fram…) om ${tables === 1 ? "den" : "de"} ska med.`,
    messageEn: veryHidden
      ? `The sheet "${hidden.sheet}" is very hidden (Excel's Unhide does not list it), so ${en}.`
      : `The sheet "${hidden.sheet}" is hidden, so ${en}. Unhide the sheet (right-click a sheet tab, Unhide…) if ${tables === 1 ? "it belongs" : "they belong"} in the report.`,
  });
}

/**
 * A goal list in a workbook with goal headings: not read, since the headings' goals are the
 * workbook's and the list would give each of them twice.
 */
function goalListUnreadFinding(list: Recognition["unreadGoalLists"][number]): Finding {
  const sv = list.goals === 1 ? "1 mål" : `${list.goals} mål`;
  const en = list.goals === 1 ? "1 goal" : `${list.goals} goals`;
  return finding({
    code: "goal-list-unread",
    sheet: list.sheet,
    cell: list.cell,
    range: list.range,
    message: `Mållistan i ${list.cell} (${sv}) läses inte: arbetsbokens mål läses från dess målrubriker, och listan skulle ge målen en gång till. Ska listans mål läsas i stället, kontrollera en kopia av arbetsboken där målrubrikerna är borttagna.`,
    messageEn: `The goal list at ${list.cell} (${en}) is not read: the workbook's goals are read from its goal headings, and the list would give the goals a second time. If the list's goals are the ones to read, check a copy of the workbook with the goal headings removed.`,
  });
}

/** At most this many of a row's other cells are quoted, each cut to {@link QUOTED_CHARS}. */
const QUOTED_CELLS = 3;
const QUOTED_CHARS = 40;

function quoted(texts: string[], open: string, close: string): string {
  const shown = texts
    .slice(0, QUOTED_CELLS)
    .map((t) => `${open}${t.length > QUOTED_CHARS ? `${t.slice(0, QUOTED_CHARS - 1)}…` : t}${close}`);
  return texts.length > QUOTED_CELLS ? `${shown.join(", ")} …` : shown.join(", ");
}

/**
 * A row that starts as a goal heading and is not read as one: the goal, its assessment and what is
 * under it are lost unless the row is written as a heading's is.
 */
function headingUnreadFinding(heading: Recognition["unreadHeadings"][number]): Finding {
  const title = heading.text.length > 60 ? `${heading.text.slice(0, 59)}…` : heading.text;
  return finding({
    code: "goal-heading-unread",
    sheet: heading.sheet,
    cell: heading.cell,
    range: heading.range,
    message: `Raden börjar som en målrubrik (”${title}”) men läses inte som ett mål: bredvid den står ${quoted(heading.others, "”", "”")}. En målrubriks rad har bara titeln och bredvid den bedömningen (”Uppfylls helt”, gärna efter ”Bedömning:”) och en kommentar; skriv raden så, annars läses varken målet eller dess bedömning.`,
    messageEn: `The row starts as a goal heading ("${title}") but is not read as a goal: beside it stand ${quoted(heading.others, '"', '"')}. A goal heading's row holds only its title and, beside it, the assessment ("Uppfylls helt", best after "Bedömning:") and a comment; write the row so, or neither the goal nor its assessment is read.`,
  });
}

/** A goal list's column no table kind reads (`Ansvarig`, `Status`): its values are not read. */
function unreadListColumnFinding(column: Recognition["unreadListColumns"][number]): Finding {
  const { filled } = column;
  return finding({
    code: "column-unrecognized",
    sheet: column.sheet,
    cell: column.cell,
    range: column.range,
    message: `Kolumnen ”${column.header}” i mållistan läses inte (${rowCount(filled, true)}): listans mål läses med nivå, id, överordnat mål och bedömning, men den kolumnen har Målkoll ingen användning för.`,
    messageEn: `The column "${column.header}" in the goal list is not read (${rowCount(filled, false)}): the list's goals are read with their level, id, parent and assessment, but Målkoll has no use for that column.`,
  });
}

function unrecognisedFinding(block: Recognition["unrecognised"][number]): Finding {
  const named = block.headers.filter(Boolean);
  return finding({
    code: "header-unrecognized",
    sheet: block.sheet,
    cell: block.cell,
    range: block.range,
    message: `Ser ut som en tabell men kolumnerna kunde inte tolkas: ${named
      .map((h) => `”${h}”`)
      .join(
        ", ",
      )}. Tolka blocket under Läs in: ange tabelltyp och kolumner, eller välj Det här är ingen tabell.`,
    messageEn: `Looks like a table but its columns could not be mapped: ${named
      .map((h) => `"${h}"`)
      .join(
        ", ",
      )}. Interpret the block under Read: set its table type and columns, or choose This is not a table.`,
  });
}

/** A row after a blank gap under a table, not read as part of it: which cells don't fit, and how to join it. */
function leftOutFinding(row: LeftOutRow): Finding {
  if (row.kind !== "after-gap") return namelessFinding(row);
  const name = boundedText(cleanText(row.name));
  const quoted = (sv: boolean) =>
    row.misfits.map((m) => {
      const shown = boundedText(shownCellText(m.value, m.format, sv ? "sv" : "en"));
      const where = `${m.cell} (${cleanText(m.header)})`;
      return sv ? `”${shown}” i ${where}` : `"${shown}" in ${where}`;
    });
  const one = row.misfits.length === 1;
  const why = row.misfits.length
    ? `${andList(quoted(true), "och")} går inte att läsa som ${one ? "kolumnens värde" : "kolumnernas värden"}`
    : "den har inget värde i tabellens kolumner för utfall, mål, period och datum";
  const whyEn = row.misfits.length
    ? `${andList(quoted(false), "and")} cannot be read as ${one ? "that column's value" : "those columns' values"}`
    : "it holds no value in the table's columns for outcomes, targets, period and dates";
  const n = row.blankRows;
  const blank = n === 1 ? "en tom rad" : `${n} tomma rader`;
  const blankEn = n === 1 ? "a blank row" : `${n} blank rows`;
  return finding({
    code: "row-not-read",
    sheet: row.sheet,
    cell: row.cell,
    range: row.range,
    message:
      `Raden ”${name}” står efter ${blank} under tabellen i ${row.tableCell} och läses inte som en rad i den: ` +
      `${why}. Om raden hör till tabellen, ta bort ${n === 1 ? "den tomma raden" : "de tomma raderna"} ovanför den.`,
    messageEn:
      `The row "${name}" follows ${blankEn} under the table at ${row.tableCell} and is not read as one of its rows: ` +
      `${whyEn}. If the row belongs to the table, delete the blank ${n === 1 ? "row" : "rows"} above it.`,
  });
}

/** A row with figures whose name cell is empty: where its name stands, if anywhere, and where it goes. */
function namelessFinding(row: LeftOutRow): Finding {
  const column = cleanText(row.nameHeader);
  const base = { code: "row-not-read" as const, sheet: row.sheet, cell: row.cell, range: row.range };
  if (row.nameAt) {
    const name = boundedText(cleanText(row.name));
    const at = `${row.nameAt.cell} (${cleanText(row.nameAt.header)})`;
    return finding({
      ...base,
      message:
        `Raden ”${name}” under tabellen i ${row.tableCell} läses inte: namnet står i ${at}, inte i ${row.cell} under ”${column}”, ` +
        `så radens värden kan inte knytas till en rad i tabellen. Flytta namnet till ${row.cell} så läses raden.`,
      messageEn:
        `The row "${name}" under the table at ${row.tableCell} is not read: its name stands in ${at}, not in ${row.cell} under "${column}", ` +
        `so its values cannot be tied to a row of the table. Move the name to ${row.cell} and the row is read.`,
    });
  }
  return finding({
    ...base,
    message:
      `Raden ${row.range} under tabellen i ${row.tableCell} har värden men inget namn i ${row.cell} under ”${column}” och läses inte. ` +
      `Skriv radens namn i ${row.cell} så läses den.`,
    messageEn:
      `The row ${row.range} under the table at ${row.tableCell} has values but no name in ${row.cell} under "${column}" and is not read. ` +
      `Write the row's name in ${row.cell} and it is read.`,
  });
}
