import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";

/**
 * Carlito's advance widths (Calibri's metrics), read from the installed font files: the widths
 * Excel and LibreOffice lay a generated sheet's text out in, as an oracle independent of the
 * report's own table. Null where fontconfig or Carlito is missing.
 */

export interface CarlitoFont {
  /** Advance width of a UTF-16 unit in ems; undefined where the font has no glyph for it. */
  advance(code: number): number | undefined;
}

export interface Carlito {
  regular: CarlitoFont;
  bold: CarlitoFont;
  italic: CarlitoFont;
}

export const CARLITO_MISSING =
  "Typsnittet Carlito saknas – installera: apt-get install fonts-crosextra-carlito";

function fontFile(style: string): string | null {
  try {
    const file = execFileSync("fc-match", ["-f", "%{file}", `Carlito:style=${style}`], { encoding: "utf8" });
    // fc-match answers with another font when Carlito is not there.
    return /carlito/i.test(path.basename(file)) ? file : null;
  } catch {
    return null;
  }
}

/** The advance widths of a TrueType font: its `cmap` (format 4, Windows Unicode) and `hmtx`. */
function readFont(file: string): CarlitoFont {
  const data = readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0; i < data.readUInt16BE(4); i++) {
    const entry = 12 + 16 * i;
    tables.set(data.toString("latin1", entry, entry + 4), data.readUInt32BE(entry + 8));
  }
  const head = tables.get("head")!;
  const hhea = tables.get("hhea")!;
  const hmtx = tables.get("hmtx")!;
  const cmap = tables.get("cmap")!;
  const unitsPerEm = data.readUInt16BE(head + 18);
  const metrics = data.readUInt16BE(hhea + 34);
  const advanceOf = (glyph: number): number => data.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1));
  const glyphs = new Map<number, number>();
  for (let i = 0; i < data.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + 8 * i;
    const sub = cmap + data.readUInt32BE(record + 4);
    if (data.readUInt16BE(record) !== 3 || data.readUInt16BE(record + 2) !== 1) continue;
    if (data.readUInt16BE(sub) !== 4) continue;
    const segments = data.readUInt16BE(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const offsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const start = data.readUInt16BE(starts + 2 * s);
      const end = data.readUInt16BE(ends + 2 * s);
      const delta = data.readInt16BE(deltas + 2 * s);
      const offset = data.readUInt16BE(offsets + 2 * s);
      for (let code = start; code <= end && code !== 0xffff; code++) {
        let glyph: number;
        if (offset === 0) glyph = (code + delta) & 0xffff;
        else {
          glyph = data.readUInt16BE(offsets + 2 * s + offset + 2 * (code - start));
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) glyphs.set(code, glyph);
      }
    }
  }
  return {
    advance(code) {
      const glyph = glyphs.get(code);
      return glyph === undefined ? undefined : advanceOf(glyph) / unitsPerEm;
    },
  };
}

let cached: Carlito | null | undefined;

export function carlito(): Carlito | null {
  if (cached !== undefined) return cached;
  const files = ["Regular", "Bold", "Italic"].map(fontFile);
  if (files.some((file) => file === null)) return (cached = null);
  const [regular, bold, italic] = files.map((file) => readFont(file!));
  return (cached = { regular, bold, italic });
}
