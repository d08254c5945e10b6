import type { CellValue } from "../grid";
import { a1, formatAt } from "../grid";
import { parseAssessment, parseAssessmentInProse } from "../parse/assessment";
import { shownCellText } from "../parse/date";
import { distance } from "fastest-levenshtein";
import { cleanText, matchKey, stripTags } from "../parse/text";
import type { SheetRows } from "./sheetRows";
import type { GoalHeading, UnreadHeading } from "./types";

type Level = GoalHeading["level"];

/** Heading labels; the label must end at a colon, a number or the cell's end (not `Nämndmålet …`). */
const HEADING_PATTERNS: [RegExp, Level][] = [
  [/^kf:?s\s+inriktningsm[aå]l(?:\s*:|\s+(?=\d)|\s*$)\s*(.*)$/i, "inriktningsmal"],
  [
    /^(?:kf:?s|kommunfullm[aä]ktiges)\s+m[aå]l\s+f[oö]r\s+verksamhetsomr[aå]det(?:\s*:|\s+(?=\d)|\s*$)\s*(.*)$/i,
    "kf-mal",
  ],
  // A unit's short form, with the KF mål's number (`KF:s mål 1.3 I Stockholm …`, `KF:s mål 1.3: …`).
  [/^kf:?s\s+m[aå]l(?:\s*:\s*|\s+)(\d+\.\d+\.?:?\s.*)$/i, "kf-mal"],
  [/^n[aä]mndm[aå]l(?:\s*:|\s+(?=\d)|\s*$)\s*(.*)$/i, "namndmal"],
  [/^enhetsm[aå]l(?:\s*:|\s+(?=\d)|\s*$)\s*(.*)$/i, "enhetsmal"],
  // A unit's words for the two, with their colon (`Enhetens mål: …`; `Enhetens mål är …` is prose).
  [/^n[aä]mndens\s+m[aå]l\s*:\s*(.*)$/i, "namndmal"],
  [/^enhetens\s+m[aå]l\s*:\s*(.*)$/i, "enhetsmal"],
];

/** A goal's level by its number's depth: `1` KF:s inriktningsmål, `1.3` KF mål, `1.3.2` nämndmål, deeper an enhetsmål. */
const LEVEL_BY_DEPTH: Level[] = ["inriktningsmal", "kf-mal", "namndmal", "enhetsmal"];

/** The level a goal's number gives by its depth; a goal without a number is a nämndmål. */
export function levelOfNumber(number: string | null): Level {
  return number === null ? "namndmal" : LEVEL_BY_DEPTH[Math.min(number.split(".").length - 1, 3)];
}

/**
 * A text that is a goal number alone (`1.3.1`, `1.2.`; a numeric cell arrives as its text), as the
 * model writes it, without a trailing dot; else null (`E1`).
 */
export function bareGoalNumber(text: string): string | null {
  return /^(\d+(?:\.\d+)*)\.?$/.exec(text)?.[1] ?? null;
}

/** The number of the goal one level up (`1.4` for `1.4.2`), or null for a number without one. */
export function parentNumber(number: string | null): string | null {
  return number?.includes(".") ? number.slice(0, number.lastIndexOf(".")) : null;
}

export const LEVEL_RANK: Record<Level, number> = {
  inriktningsmal: 0,
  "kf-mal": 1,
  namndmal: 2,
  enhetsmal: 3,
};

export interface HeadingMatch {
  level: Level;
  rest: string;
}

/**
 * The level a `Målnivå` cell names (`Nämndmål`, `Enhetsmål`, `KF:s mål för verksamhetsområdet`,
 * `KF:s inriktningsmål`, `Inriktningsmål`, `KF-mål`), or null for a text that names none. The text
 * must name a goal (`…mål`): a `Nivå` column of organisation levels (`Enhet`, `Stadsdel`,
 * `Verksamhetsområde`) states no goal level.
 */
export function parseGoalLevel(text: string): Level | null {
  const key = matchKey(stripTags(text));
  if (!key.includes("mal")) return null;
  if (key.startsWith("enhet")) return "enhetsmal";
  if (key.startsWith("namnd") || key.startsWith("stadsdelsnamnd")) return "namndmal";
  if (key.includes("inriktning")) return "inriktningsmal";
  if (key.startsWith("kf") || key.includes("verksamhetsomrad")) return "kf-mal";
  return null;
}

/** Every heading label starts with K (`KF:s …`), N (`Nämndmål`) or E (`Enhetsmål`), after spaces. */
const LABEL_START = /^[\s\u200b]*[kne]/i;

export function matchHeading(text: string): HeadingMatch | null {
  // Most texts are ruled out here: no label start, no colon (an OCR-damaged label has one), no tag.
  if (!LABEL_START.test(text) && !text.includes(":") && !text.includes("<")) return null;
  const t = cleanText(stripTags(text));
  for (const [re, level] of HEADING_PATTERNS) {
    const m = re.exec(t);
    // A number's own colon (`KF-mål 1.3: …`, `Nämndmål 1.1.1: …`) is no part of the title.
    if (m) return { level, rest: m[1].trim().replace(/^(\d+(?:\.\d+)*\.?):\s/, "$1 ") };
  }
  return matchScannedLabel(t);
}

/** The heading labels as match keys (å/ä → a, ö → o, no spaces or punctuation). */
const LABEL_KEYS: [string, Level][] = [
  ["kfsinriktningsmal", "inriktningsmal"],
  ["kfsmalforverksamhetsomradet", "kf-mal"],
  ["namndmal", "namndmal"],
  ["enhetsmal", "enhetsmal"],
];
/** A label is at most this long before its colon (`KF:s mål för verksamhetsområdet:` is 33). */
const MAX_LABEL_CHARS = 45;

/**
 * A label that OCR damaged by one letter (`Enhetsmail:`, `KF:s mal fér verksamhetsomradet:`, 001
 * lines 754 and 565): text up to a colon within one edit of a label. Needs the colon, so prose that
 * merely starts like a label is not taken for a heading.
 */
function matchScannedLabel(t: string): HeadingMatch | null {
  for (let i = t.indexOf(":"); i > 0 && i <= MAX_LABEL_CHARS; i = t.indexOf(":", i + 1)) {
    const key = matchKey(t.slice(0, i));
    const label = LABEL_KEYS.find(([k]) => Math.abs(k.length - key.length) <= 1 && distance(k, key) <= 1);
    if (label) return { level: label[1], rest: t.slice(i + 1).trim() };
  }
  return null;
}

/** `1.2. Stockholm är …` → number `1.2`, title `Stockholm är …`. */
export function splitNumber(text: string): { number: string | null; title: string } {
  const m = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/.exec(text);
  if (m) return { number: m[1], title: m[2].trim() };
  return { number: null, title: text };
}

const LOOKAHEAD_ROWS = 8;

/** The most cells a heading's row holds: a number, its label, its title, an assessment's label and the assessment. */
const MAX_HEADING_CELLS = 5;

/**
 * A label before a goal's assessment on its heading's row (`Bedömning:`), as matchKey reads it,
 * perhaps naming its period (`Bedömning T1:`, `Samlad bedömning tertial 1 2021:`).
 */
const ASSESSMENT_LABEL =
  /^(samlad|enhetens|egen|namndens)?(bedomning|malbedomning|maluppfyllelse|status)((per|efter|vid)?(t[123]|tertial[123]|vb|helar))?((19|20)\d\d)?$/;
/** The same label ahead of the assessment in its cell (`Bedömning: Uppfylls helt`, `Bedömning T1: …`). */
const ASSESSMENT_LABEL_BEFORE =
  /^(?:(?:samlad|enhetens|egen|nämndens)\s+)?(?:bedömning|målbedömning|måluppfyllelse|status)(?:\s+(?:(?:per|efter|vid)\s+)?(?:T[123]|tertial\s*[123]|VB|helår))?(?:\s+(?:19|20)\d{2})?\s*:\s*/i;
/** A cell of symbols alone (a traffic light `🟢`, `◆`): it says nothing a heading's words do not. */
const SYMBOLS_ONLY = /^[^\p{L}\p{N}]+$/u;
/**
 * `KF:s mål:` and its title, the KF mål's short forms in a unit's own sheet (`KF-mål:`, `KF mål:`,
 * `Kommunfullmäktiges mål:`), perhaps with its number before the colon (`KF mål 3.2:`).
 */
const KF_SHORT =
  /^(?:kf:?s\s+|kf-|kf\s+|kommunfullm[aä]ktiges\s+)m[aå]l(?:\s+(\d+(?:\.\d+)+)\.?)?\s*:\s*(\D.*)?$/i;
/**
 * A KF mål's title as a heading alone on its row gives it: the city's goals are written of the city
 * (`Stockholm är en trygg stad`, `I Stockholm når barn …`, `Stockholms stad är …`), without a
 * figure and not ended as a sentence. A line of a unit's text starts with the label too (`KF-mål:
 * Enheten bidrar …`, `KF:s mål: 55 % nås inte i år …`, `KF:s mål: Ej aktuellt`).
 */
function titleLikeKfGoal(title: string): boolean {
  return /^(?:I\s+)?Stockholm/.test(title) && !/\d/.test(title) && !/[.!?]$/.test(title);
}

/** The fewest words of a goal's comment beside its heading: not a page (`sid 6`) nor a figure (`3,6 GWh`). */
const COMMENT_WORDS = 4;
/** A goal's comment by its label, however short (`Kommentar: se nämndens`). */
const COMMENT_LABEL = /^kommentar\s*:/i;

/** A goal's number of two levels or more (`1.1.1`, `3.2.`): not a page or a year. */
const DOTTED_NUMBER = /^\d+(?:\.\d+)+\.?$/;
/** A unit's id of its own goal (`E1`, `EM2`), in a number's place. */
const GOAL_ID = /^[A-ZÅÄÖ]{1,3}\d{1,3}$/;
/** A goal's title led by its number and nothing else (`1.3.1 Barn utvecklas …`). */
const NUMBERED_TITLE = /^(\d+\.\d+(?:\.\d+)*)\.?\s+\S/;

/** A goal heading as one row holds it. */
export interface HeadingRow {
  match: HeadingMatch;
  /** The title after the label in its cell, else in the row's next cell; "" when the row has none. */
  title: string;
  /** An assessment on the row itself (`Uppfylls helt` beside the title), and its 1-based column. */
  assessment: GoalHeading["assessment"];
  assessmentCol: number | null;
}

/** A cell's text as a heading's row reads it: a number (`3.2`) as its digits, other values as none. */
function headingCellText(value: CellValue): string | null {
  if (typeof value === "number") return String(value);
  return typeof value === "string" ? cleanText(value) : null;
}

/**
 * The goal heading on the row at index `i`, or null: alone on its row (`Nämndmål: 1.1.1 …`), or as
 * a unit lays out its own sheet, across the row: the level's label, colon and all, with its title in
 * the next cell (`Enhetsmål:` | `Alla barn …`; its number may stand between, `Nämndmål:` | `3.2.2` |
 * title, or in a column of its own before, `1.3` | `KF:s mål 1.3 …`) and the goal's assessment
 * further on, after a label or not (`Bedömning:` | `Uppfylls helt`, `Bedömning: Uppfylls helt`),
 * symbols aside (`🟢`). A `Mål / Indikator` column's goal without a level word is one by its number
 * and the assessment beside it (`1.3.1 Barn …` | `Uppfylls helt`). A row holding anything else (a
 * figure, another text) is none: it is a table's row.
 */
export function headingOnRow(rows: SheetRows, i: number): HeadingRow | null {
  const count = rows.count(i);
  if (count === 0 || count > MAX_HEADING_CELLS) return null;
  const { sheet } = rows;
  const row = sheet.values[i];
  let k = rows.firstCol(i) - sheet.originCol;
  let first = rows.firstText(i);
  /** The goal's number in a column of its own before the heading, when it is one (`1.3`, not `E1`). */
  let leading: string | null = null;
  if (count > 1 && (bareGoalNumber(first) !== null || GOAL_ID.test(first))) {
    leading = bareGoalNumber(first);
    // The goal's number in a column of its own (a `Nr` column): the heading is the next text.
    do k++;
    while (k < row.length && !headingCellText(row[k] as CellValue));
    first = headingCellText(row[k] as CellValue) ?? "";
  }
  // A unit's short form with its colon, in a row with more cells (`KF:s mål: I Stockholm …` |
  // `Ingen`), or alone on its row with a KF mål's title (`KF-mål: Stockholm är en trygg stad`).
  let short = KF_SHORT.exec(first);
  if (short && count === 1 && !titleLikeKfGoal((short[2] ?? "").trim())) short = null;
  let match =
    matchHeading(first) ??
    (short
      ? { level: "kf-mal" as const, rest: [short[1], (short[2] ?? "").trim()].filter(Boolean).join(" ") }
      : null);
  const numbered = match === null;
  if (!match) {
    const number = count > 1 ? NUMBERED_TITLE.exec(first) : null;
    if (!number) return null;
    match = { level: levelOfNumber(number[1]), rest: first };
  }
  const heading: HeadingRow = { match, title: match.rest, assessment: null, assessmentCol: null };
  if (count === 1) return heading;
  /** A number or id in a cell between the label and the title ("" for an id, which no title takes). */
  let number: string | null = null;
  /** The goal's number in a cell after its title. */
  let trailing: string | null = null;
  // `Nämndmål: 3.2.2` | title, `Enhetsmål:` | `E1` | title: the number or id, then the title.
  if (bareGoalNumber(heading.title) !== null) {
    number = heading.title;
    heading.title = "";
  }
  // A level alone (`Nämndmål`) beside a title is a goal list's row: a heading's label has its colon.
  if (!match.rest && !first.endsWith(":")) return null;
  for (k++; k < row.length; k++) {
    const text = headingCellText(row[k] as CellValue);
    if (text === null) {
      if (row[k] === null || row[k] === undefined || row[k] === "") continue;
      return null;
    }
    if (!text || SYMBOLS_ONLY.test(text)) continue;
    const assessment = parseAssessment(text.replace(ASSESSMENT_LABEL_BEFORE, ""));
    if (assessment) {
      if (heading.assessment !== null) return null;
      heading.assessment = assessment;
      heading.assessmentCol = sheet.originCol + k;
    } else if (ASSESSMENT_LABEL.test(matchKey(text))) continue;
    // Text beside a titled heading is the goal's own comment (a unit's Kommentar column): not a row.
    else if (
      heading.title &&
      !numbered &&
      (text.split(/\s+/).length >= COMMENT_WORDS || COMMENT_LABEL.test(text))
    )
      continue;
    // After the assessment, a few words on it (`Uppfylls delvis` | `Se analys nedan`).
    else if (heading.title && !numbered && heading.assessment !== null && !/\d/.test(text)) continue;
    // The goal's number after its title (`Nämndmål: Invånare får stöd …` | `1.1.1`); never a page (`6`).
    else if (
      heading.title &&
      !numbered &&
      trailing === null &&
      heading.assessment === null &&
      typeof row[k] === "string" &&
      DOTTED_NUMBER.test(text)
    )
      trailing = bareGoalNumber(text);
    else if (heading.title || heading.assessment !== null) return null;
    else if (number === null && bareGoalNumber(text) !== null) number = text;
    else if (number === null && GOAL_ID.test(text)) number = "";
    else heading.title = cleanText(stripTags(number ? `${number} ${text}` : text));
  }
  if (numbered && heading.assessment === null) return null;
  if (number && !heading.title) heading.title = number;
  if (trailing && NUMBERED_TITLE.exec(heading.title)?.[1] !== trailing)
    heading.title = `${trailing} ${heading.title}`;
  // `1.1` | `KF:s mål: I Stockholm …`: the number leads the title, as in the reports' headings.
  if (leading && heading.title && NUMBERED_TITLE.exec(heading.title)?.[1] !== leading && number === null)
    heading.title = `${leading} ${heading.title}`;
  return heading;
}

/** A table of contents' dots between a heading and its page, in a cell of their own. */
const LEADER_DOTS = /^[.\s…·_]+$/;
/** A page or pages a table of contents gives (`6`, `sid 12`, `s. 16`, `12–15`). */
const PAGE_REFERENCE = /^(?:(?:sid|sidan|s)\.?\s*)?\d{1,3}(?:\s*[-–]\s*\d{1,3})?$/i;

/** A heading's label and its colon at the start of a cell (`Enhetsmål:`, `KF:s mål 1.3:`), not a flat list's `Nämndmål`. */
const LABEL_WITH_COLON = /^[^:]{2,45}:/;

/**
 * The row at index `i` when it starts as a goal heading, its label and colon, and is none
 * ({@link headingOnRow} said so): the cells after its title that a heading's row does not hold. A
 * table of contents' row (a heading and its page, `6`) is none.
 */
function unreadHeadingOnRow(rows: SheetRows, i: number): UnreadHeading | null {
  const { sheet } = rows;
  const row = sheet.values[i];
  const first = rows.firstText(i);
  // No colon, no label: most rows (a table's) are ruled out before the copy the test reads.
  if (!first.includes(":") || !LABEL_WITH_COLON.test(first.replace(/^kf:s/i, "kfs"))) return null;
  const match = matchHeading(first);
  if (!match) return null;
  const start = rows.firstCol(i) - sheet.originCol;
  const cells: string[] = [];
  let last = start;
  for (let k = start + 1; k < row.length; k++) {
    const value = row[k] as CellValue;
    if (value === null || value === undefined || value === "") continue;
    cells.push(shownCellText(value, formatAt(sheet, sheet.originRow + i, sheet.originCol + k)));
    last = k;
  }
  // Its title in the next cell when the label stands alone (`Enhetsmål:` | title | …).
  const others = (match.rest ? cells : cells.slice(1)).filter((text) => !LEADER_DOTS.test(text));
  // A table of contents' row: a heading and its page (`6`, `sid 12`, `s. 16`, `12–15`).
  if (others.length === 0 || others.every((text) => PAGE_REFERENCE.test(text))) return null;
  const row1 = sheet.originRow + i;
  return {
    sheet: sheet.name,
    cell: a1(row1, sheet.originCol + start),
    range: `${a1(row1, sheet.originCol + start)}:${a1(row1, sheet.originCol + last)}`,
    text: first,
    others,
  };
}

/**
 * Finds goal headings (`KF:s mål för verksamhetsområdet: 1.2. …`, `Nämndmål: 1.1.1 …`,
 * `Enhetsmål: …`), including headings whose title is on a later row, and the assessment row under
 * each (`◆ Uppfylls delvis`, `— Ingen`, or a first paragraph that states one).
 */
export function findGoalHeadings(rows: SheetRows, unread: UnreadHeading[] = []): GoalHeading[] {
  const { sheet } = rows;
  const goals: GoalHeading[] = [];
  const missedRows: { i: number; missed: UnreadHeading }[] = [];
  for (let i = 0; i < sheet.values.length; i++) {
    const heading = headingOnRow(rows, i);
    if (!heading) {
      const missed = rows.count(i) > 1 ? unreadHeadingOnRow(rows, i) : null;
      if (missed) missedRows.push({ i, missed });
      continue;
    }
    const { match } = heading;
    const row = sheet.originRow + i;
    const col = rows.firstCol(i);
    let titleText = heading.title;
    let j = i + 1;
    if (!titleText) {
      for (; j < sheet.values.length && j <= i + LOOKAHEAD_ROWS; j++) {
        if (rows.count(j) === 0) continue;
        const next = rows.firstText(j);
        if (matchHeading(next) || parseAssessment(next) || rows.count(j) > 1) break;
        titleText = cleanText(stripTags(next));
        j++;
        break;
      }
    }
    let assessment: GoalHeading["assessment"] = heading.assessment;
    let assessmentCell: string | null =
      heading.assessmentCol === null ? null : a1(row, heading.assessmentCol);
    for (; assessment === null && j < sheet.values.length && j <= i + LOOKAHEAD_ROWS + 2; j++) {
      if (rows.count(j) === 0) continue;
      const text = rows.count(j) === 1 ? rows.firstText(j) : "";
      const parsed = text ? (parseAssessment(text) ?? parseAssessmentInProse(text)) : null;
      if (parsed) {
        assessment = parsed;
        assessmentCell = a1(sheet.originRow + j, rows.firstCol(j));
      }
      break;
    }
    const { number, title } = splitNumber(titleText);
    goals.push({
      id: `${sheet.name}!${a1(row, col)}`,
      sheet: sheet.name,
      row,
      col,
      level: match.level,
      number,
      title,
      assessment,
      assessmentCell,
    });
  }
  // Rows of a list, each a goal with what goes with it (an action plan's `Enhetsmål: …` | `Åtgärd` |
  // `Ansvarig`), are no headings gone unread: only a row alone is.
  for (let m = 0; m < missedRows.length; m++) {
    const { i, missed } = missedRows[m];
    // A row with an assessment beside it is a goal's, stacked or not (`Nämndmål: … | Bedömning T1: |
    // Uppfylls delvis` over `Enhetsmål: …`).
    const assessed = missed.others.some((text) => parseAssessment(text) !== null);
    const listed = !assessed && (missedRows[m - 1]?.i === i - 1 || missedRows[m + 1]?.i === i + 1);
    if (!listed) unread.push(missed);
  }
  return goals;
}
