import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import JSZip from "jszip";
import { cellAt, formatAt, formulaAt } from "../../../src/engine/grid";
import { snapshotFromBuffer, XlsxPort, XlsxPortError } from "../../../src/ports/xlsx";
import { buildRichWorkbook } from "./fixture";
import { richPlan } from "./plans";

let rich: Buffer;
beforeAll(async () => {
  rich = await buildRichWorkbook();
});

test("reads values as Office.js would: rich text, date serials, cached formula results, errors, links", async () => {
  const snap = await snapshotFromBuffer(rich, "rik.xlsx");
  expect(snap.name).toBe("rik.xlsx");
  expect(snap.sheets.map((s) => s.name)).toEqual(["Uppföljning", "Data", "Pivot", "Bild", "Diagram", "Gömd"]);
  const s = snap.sheets[0];
  expect(cellAt(s, 2, 1)).toBe("Andel nöjda");
  expect(cellAt(s, 2, 2)).toBe(0.041);
  expect(formatAt(s, 2, 2)).toBe("0.0%");
  expect(cellAt(s, 2, 4)).toBe(44439); // 2021-08-31
  expect(cellAt(s, 3, 3)).toBe("#REF!");
  expect(cellAt(s, 4, 1)).toBe("Länk");
  expect(cellAt(s, 4, 2)).toBe(1234.541);
  expect(formulaAt(s, 4, 2)).toBe("SUM(B2:B3)");
  expect(formulaAt(s, 2, 2)).toBeNull();
  expect(cellAt(s, 5, 1)).toBe("=1+1 är text");
  expect(cellAt(s, 5, 2)).toBe(true);
  expect(cellAt(s, 1, 5)).toBe("Rubrik över två");
  expect(cellAt(s, 1, 6)).toBeNull(); // merged, not the top-left cell
  expect(s.merges).toEqual(["E1:F1"]);
  expect(s.listObjects).toEqual([{ name: "Tabell1", range: "H2:I4" }]);
  expect(snap.sheets[5].visibility).toBe("hidden");
});

test("the used range starts where the data starts (workbook with a pivot table reads fine)", async () => {
  const pivot = (await snapshotFromBuffer(rich)).sheets.find((s) => s.name === "Pivot")!;
  expect([pivot.originRow, pivot.originCol]).toEqual([3, 1]);
  expect(pivot.values[0]).toEqual(["Radetiketter", "Summa av Belopp"]);
  expect(cellAt(pivot, 6, 2)).toBe(30);
});

test("after a write, read() includes the very hidden _malkoll sheet and the owned sheets", async () => {
  const port = await XlsxPort.fromBuffer(rich);
  await port.write(richPlan(false));
  const snap = await port.read();
  const state = snap.sheets.find((s) => s.name === "_malkoll")!;
  expect(state.visibility).toBe("veryHidden");
  expect(state.values[0][0]).toBe("malkoll");
  expect(state.values[5][6]).toBe("=cafe");
  const ind = snap.sheets.find((s) => s.name === "Målkoll Indikatorer")!;
  expect(cellAt(ind, 6, 2)).toBe(1234.541);
  expect(formulaAt(ind, 6, 2)).toBe("SUM(B4:B5)");
  expect(cellAt(ind, 5, 3)).toBe("=1+1");
  expect(formulaAt(ind, 5, 3)).toBeNull();
  expect(formatAt(ind, 4, 2)).toBe("0.0 %");
});

describe("refuses what it cannot read, with exit code 2 and a Swedish + English message", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "malkoll-read-"));
  async function refusal(bytes: Uint8Array | null, name: string): Promise<XlsxPortError> {
    const file = path.join(dir, name);
    if (bytes) writeFileSync(file, bytes);
    try {
      await XlsxPort.open(file);
    } catch (err) {
      expect(err).toBeInstanceOf(XlsxPortError);
      return err as XlsxPortError;
    }
    throw new Error("expected a refusal");
  }

  test("missing file", async () => {
    const err = await refusal(null, "finns-inte.xlsx");
    expect(err.exitCode).toBe(2);
    expect(err.messageSv).toMatch(/hittades inte/);
    expect(err.messageEn).toMatch(/not found/);
  });

  test("not a zip", async () => {
    const err = await refusal(Buffer.from("Indikator;Utfall\n"), "text.xlsx");
    expect(err.messageSv).toMatch(/ingen \.xlsx-fil/);
  });

  test("encrypted OOXML (OLE container with EncryptionInfo)", async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from("EncryptionInfo", "utf16le"),
    ]);
    const err = await refusal(ole, "krypterad.xlsx");
    expect(err.messageSv).toMatch(/krypterad/);
    expect(err.messageEn).toMatch(/encrypted/);
  });

  test("legacy .xls (OLE without encryption)", async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from("Workbook", "utf16le"),
    ]);
    expect((await refusal(ole, "gammal.xls")).messageSv).toMatch(/\.xls/);
  });

  test("a zip that is no workbook", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "hej");
    const err = await refusal(await zip.generateAsync({ type: "nodebuffer" }), "zip.xlsx");
    expect(err.messageSv).toMatch(/ingen Excel-arbetsbok/);
  });

  test("snapshotFromBuffer refuses the same way", async () => {
    await expect(snapshotFromBuffer(Buffer.from("nope"))).rejects.toBeInstanceOf(XlsxPortError);
  });
});
