/**
 * Past MAX_SHEET_XML_BYTES, or past MAX_PACKAGE_BYTES for all its parts together, a workbook is
 * refused with exit 2 before anything is inflated or parsed: a 2 MB file whose zip states a 2 GB
 * part (a zip bomb) once cost the CLI 3,4 GB of memory to check. (The 1 000 000-row run,
 * `check --json` in pieces and `generate` declining, is in `npm run bench`: it is a measurement,
 * and on a loaded machine no time limit in a test would hold.)
 */
import JSZip from "jszip";
import { buildXlsx, manyRowsSheetXml, withStatedSize, withZip64Sizes } from "../fixtures/hostile/build";
import { checkPackage, MAX_PACKAGE_BYTES, XlsxPort } from "../../src/ports/xlsx";
import { runGenerate } from "../../src/app/run";

test("a workbook whose sheets exceed the size limit is refused before parsing, with a clear message", async () => {
  const bytes = await buildXlsx([{ name: "Stor", rows: [] }], { sheetXml: { 0: manyRowsSheetXml(20_000) } });
  await expect(checkPackage(bytes, "stor.xlsx", { maxSheetXmlBytes: 100_000 })).rejects.toMatchObject({
    exitCode: 2,
    message: expect.stringMatching(/för stor för Målkoll/),
  });
  await expect(checkPackage(bytes, "stor.xlsx")).resolves.toBeDefined();
});

/** A small workbook with an embedded file of `mb` MB of zeros (it deflates to a few kB). */
async function withEmbeddedZeros(mb: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await buildXlsx([{ name: "Blad1", rows: [["Indikator"]] }]));
  zip.file("xl/media/film.bin", new Uint8Array(mb * 1024 * 1024));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

test("a package whose parts unpack past the limit is refused by the sizes it states", async () => {
  const bytes = await withEmbeddedZeros(16);
  expect(bytes.length).toBeLessThan(200_000);
  await expect(checkPackage(bytes, "film.xlsx", { maxPackageBytes: 8 * 1024 * 1024 })).rejects.toMatchObject({
    exitCode: 2,
    message: expect.stringMatching(
      /^film\.xlsx är för stor för Målkoll: dess delar packas upp till 0,02 GB \(högst 0,01 GB\)/,
    ),
  });
  await expect(checkPackage(bytes, "film.xlsx")).resolves.toBeDefined();
});

test("a part stated at 2 GB is refused as too large before it is inflated, not found damaged after", async () => {
  const bytes = withStatedSize(await withEmbeddedZeros(1), "xl/media/film.bin", 0x7ff00000);
  expect(0x7ff00000).toBeGreaterThan(MAX_PACKAGE_BYTES);
  await expect(checkPackage(bytes, "bomb.xlsx")).rejects.toMatchObject({
    exitCode: 2,
    message: expect.stringMatching(
      /^bomb\.xlsx är för stor för Målkoll: dess delar packas upp till 2,0 GB \(högst 1,0 GB\)/,
    ),
  });
  // The same lie within the limit is inflated, checked and refused as damaged.
  const small = withStatedSize(await withEmbeddedZeros(1), "xl/media/film.bin", 2 * 1024 * 1024);
  await expect(checkPackage(small, "liten.xlsx")).rejects.toMatchObject({
    message: expect.stringMatching(/^liten\.xlsx är skadad: delen xl\/media\/film\.bin stämmer inte/),
  });
});

test("an entry the check cannot vouch for (a local header that disagrees) is refused, not read unchecked", async () => {
  const bytes = Buffer.from(await buildXlsx([{ name: "Blad1", rows: [["Indikator"]] }]));
  const part = Buffer.from("xl/worksheets/sheet1.xml");
  const local = bytes.indexOf(part) - 30;
  expect(bytes.readUInt32LE(local)).toBe(0x04034b50);
  bytes[local + 6] ^= 0x02; // a compression-option flag the central header does not have
  await expect(checkPackage(bytes, "blad.xlsx")).rejects.toMatchObject({
    exitCode: 2,
    message: expect.stringMatching(
      /^blad\.xlsx är skadad: delen xl\/worksheets\/sheet1\.xml går inte att kontrollera/,
    ),
  });
});

test("a workbook whose writer marks every entry zip64 opens, is checked, and generates as the plain one", async () => {
  const plain = Buffer.from(
    await buildXlsx([
      {
        name: "Uppföljning",
        rows: [
          ["Indikator", "Periodens utfall", "Årsmål"],
          ["Antal platser", 140, 120],
        ],
      },
    ]),
  );
  const marked = withZip64Sizes(plain);
  expect(marked.includes(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBe(true);
  const read = async (bytes: Buffer) => (await XlsxPort.fromBuffer(bytes, "bok.xlsx")).read();
  expect(await read(marked)).toEqual(await read(plain));
  const port = await XlsxPort.fromBuffer(marked, "bok.xlsx");
  await runGenerate(port, { now: new Date("2021-09-15T08:00:00Z"), host: "cli" });
  const again = await (await XlsxPort.fromBuffer(port.buffer, "ut.xlsx")).read();
  expect(again.sheets.map((s) => s.name)).toContain("Målkoll Indikatorer");
  expect(again.sheets.find((s) => s.name === "Uppföljning")?.values).toEqual(
    (await read(plain)).sheets.find((s) => s.name === "Uppföljning")?.values,
  );
  // Its sizes are checked as any entry's: a lie in the zip64 field is still damage.
  const lying = Buffer.from(marked);
  const field = lying.indexOf(Buffer.from([0x01, 0x00, 0x10, 0x00]));
  lying.writeUInt32LE(lying.readUInt32LE(field + 4) + 1, field + 4);
  await expect(checkPackage(lying, "bok.xlsx")).rejects.toMatchObject({
    message: expect.stringMatching(/är skadad/),
  });
});
