import { randomBytes } from "crypto";
import JSZip from "jszip";
import { crc32, crc32Js, rawEntries } from "../../../src/ports/xlsx/zipReader";
import {
  dosDateTime,
  writeZip,
  writeZipAsync,
  ZipLimitError,
  type ZipEntryInput,
} from "../../../src/ports/xlsx/zipWriter";

const DATE = new Date(Date.UTC(2024, 4, 17, 13, 45, 30));
const utf8 = (s: string) => Buffer.from(s, "utf8");

async function readBack(
  bytes: Uint8Array,
): Promise<{ names: string[]; texts: Map<string, string>; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const texts = new Map<string, string>();
  for (const file of Object.values(zip.files))
    if (!file.dir) texts.set(file.name, await file.async("string"));
  return { names: Object.keys(zip.files), texts, zip };
}

test("CRC-32: the check value, and the JavaScript table agrees with the native one", () => {
  expect(crc32Js(utf8("123456789"))).toBe(0xcbf43926);
  expect(crc32(utf8("123456789"))).toBe(0xcbf43926);
  expect(crc32Js(new Uint8Array(0))).toBe(0);
  const data = randomBytes(100_000);
  expect(crc32Js(data)).toBe(crc32(data));
  // Incremental use gives the same as one pass.
  expect(crc32Js(data.subarray(40_000), crc32Js(data.subarray(0, 40_000)))).toBe(crc32Js(data));
});

test("DOS date and time: UTC fields, 2-second resolution, 1980 as the floor", () => {
  const { time, date } = dosDateTime(DATE);
  expect(time).toBe((13 << 11) | (45 << 5) | 15);
  expect(date).toBe((44 << 9) | (5 << 5) | 17);
  expect(dosDateTime(new Date(Date.UTC(1970, 0, 1)))).toEqual({ time: 0, date: (1 << 5) | 1 });
  expect(dosDateTime(new Date(NaN))).toEqual({ time: 0, date: (1 << 5) | 1 });
});

test("writes entries in order that JSZip reads back with checked CRCs, UTF-8 names and dates", async () => {
  const big = utf8("<row>" + "x".repeat(10) + "</row>\n")
    .toString()
    .repeat(20_000);
  const entries: ZipEntryInput[] = [
    { name: "[Content_Types].xml", kind: "file", data: utf8("<Types/>"), date: DATE },
    { name: "xl/", kind: "dir", date: DATE },
    { name: "xl/worksheets/sheet1.xml", kind: "file", data: utf8(big), date: DATE },
    { name: "xl/Målkoll ä.xml", kind: "file", data: utf8("åäö €"), date: DATE },
    { name: "empty.txt", kind: "file", data: new Uint8Array(0), date: DATE },
  ];
  const bytes = writeZip(entries);
  const { names, texts, zip } = await readBack(bytes);
  expect(names).toEqual(entries.map((e) => e.name));
  expect(texts.get("xl/worksheets/sheet1.xml")).toBe(big);
  expect(texts.get("xl/Målkoll ä.xml")).toBe("åäö €");
  expect(texts.get("empty.txt")).toBe("");
  expect(zip.files["xl/"].dir).toBe(true);
  expect(zip.files["[Content_Types].xml"].date.getTime()).toBe(DATE.getTime());
  // The big part is deflated, not stored.
  expect(bytes.length).toBeLessThan(big.length / 20);
  // The UTF-8 flag (bit 11) is set on the non-ASCII name only.
  const flagsOf = (name: string) => bytes.readUInt16LE(bytes.indexOf(utf8(name)) - 30 + 6);
  expect(flagsOf("xl/Målkoll ä.xml") & 0x0800).toBe(0x0800);
  expect(flagsOf("[Content_Types].xml") & 0x0800).toBe(0);
  // Same input, same bytes, whether deflated in turn or in parallel.
  expect(writeZip(entries).equals(bytes)).toBe(true);
  expect((await writeZipAsync(entries)).equals(bytes)).toBe(true);
});

test("raw entries are copied compressed as they stand and still read back", async () => {
  const zip = new JSZip();
  zip.file("a.xml", "<a>" + "å".repeat(5000) + "</a>");
  zip.file("b/c.bin", randomBytes(3000), { compression: "STORE" });
  zip.file("d/e.xml", "<e/>");
  // streamFiles: sizes and CRC in data descriptors after the data, zero in the local headers.
  const source = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", streamFiles: true });
  const raw = rawEntries(source);
  expect([...raw.keys()].sort()).toEqual(["a.xml", "b/c.bin", "d/e.xml"]);
  expect(raw.get("b/c.bin")!.method).toBe(0);
  expect(raw.get("a.xml")!.method).toBe(8);
  const copy = writeZip([
    { name: "a.xml", kind: "raw", raw: raw.get("a.xml")! },
    { name: "b/c.bin", kind: "raw", raw: raw.get("b/c.bin")! },
    { name: "new.xml", kind: "file", data: utf8("<new/>"), date: DATE },
  ]);
  const back = await readBack(copy);
  const original = await readBack(source);
  expect(back.texts.get("a.xml")).toBe(original.texts.get("a.xml"));
  expect(await back.zip.file("b/c.bin")!.async("nodebuffer")).toEqual(
    await original.zip.file("b/c.bin")!.async("nodebuffer"),
  );
  expect(back.texts.get("new.xml")).toBe("<new/>");
  // The compressed bytes are the source's own.
  expect(rawEntries(copy).get("a.xml")!.compressed).toEqual(raw.get("a.xml")!.compressed);
});

test("rawEntries gives nothing for bytes that are no zip, and leaves out entries it cannot vouch for", () => {
  expect(rawEntries(utf8("not a zip at all")).size).toBe(0);
  expect(rawEntries(new Uint8Array(0)).size).toBe(0);
  const bytes = writeZip([{ name: "a.xml", kind: "file", data: utf8("<a/>"), date: DATE }]);
  const broken = Buffer.from(bytes);
  broken.writeUInt32LE(0x12345678, 0); // the local header signature
  expect(rawEntries(broken).size).toBe(0);
});

test("refuses what would need zip64: more than 65 535 entries or an entry past 4 GB", async () => {
  const many: ZipEntryInput[] = Array.from({ length: 65_536 }, (_, i) => ({
    name: `d${i}/`,
    kind: "dir" as const,
    date: DATE,
  }));
  expect(() => writeZip(many)).toThrow(ZipLimitError);
  await expect(writeZipAsync(many)).rejects.toThrow(ZipLimitError);
  expect(() => writeZip(many.slice(0, 65_535))).not.toThrow();
  const huge: ZipEntryInput = {
    name: "huge.xml",
    kind: "raw",
    raw: {
      method: 8,
      crc32: 0,
      uncompressedSize: 2 ** 32,
      compressed: new Uint8Array(10),
      dosTime: 0,
      dosDate: 33,
    },
  };
  expect(() => writeZip([huge])).toThrow(ZipLimitError);
});
