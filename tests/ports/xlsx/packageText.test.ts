import JSZip from "jszip";
import { PackageEditor } from "../../../src/ports/xlsx/package";

/**
 * Parts read through Node's zlib must be the very text JSZip decodes, whatever the entry holds,
 * except that a UTF-8 byte order mark is dropped (an edited part is written back without one).
 */
test("PackageEditor.text gives JSZip's text for deflated, stored, non-ASCII and invalid UTF-8 parts", async () => {
  const zip = new JSZip();
  zip.file("a.xml", `<a>${"Målkoll åäö € 😀 ".repeat(2000)}</a>`);
  zip.file("stored.xml", "<s>ö</s>", { compression: "STORE" });
  zip.file("bom.xml", "\uFEFF<b/>");
  zip.file("bad.xml", Buffer.from([0x3c, 0x61, 0xff, 0xfe, 0xc3, 0x3e]));
  zip.file("empty.xml", "");
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const reference = await JSZip.loadAsync(bytes);
  const pkg = await PackageEditor.load(bytes);
  for (const name of ["a.xml", "stored.xml", "bad.xml", "empty.xml"])
    expect(await pkg.text(name)).toBe(await reference.file(name)!.async("string"));
  expect(await pkg.text("bom.xml")).toBe("<b/>");
  expect(await pkg.text("missing.xml")).toBeNull();
  pkg.set("a.xml", "<changed/>");
  expect(await pkg.text("a.xml")).toBe("<changed/>");
  pkg.remove("stored.xml");
  expect(await pkg.text("stored.xml")).toBeNull();
});

test("PackageEditor.text decodes UTF-16 parts and says UTF-8 in their declaration", async () => {
  const xml =
    '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\r\n<sst><si><t>Årsmål ✓</t></si></sst>';
  const zip = new JSZip();
  zip.file("le.xml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]));
  zip.file("be.xml", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(xml, "utf16le").swap16()]));
  zip.file("le-no-bom.xml", Buffer.from(xml, "utf16le"));
  const pkg = await PackageEditor.load(
    await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
  );
  const expected = xml.replace('encoding="UTF-16"', 'encoding="UTF-8"');
  for (const name of ["le.xml", "be.xml", "le-no-bom.xml"]) expect(await pkg.text(name)).toBe(expected);
});

test("PackageEditor finds parts as OPC names them: ignoring case and with backslashes as separators", async () => {
  const zip = new JSZip();
  zip.file("xl/worksheets/Sheet1.xml", "<one/>");
  zip.file("xl\\styles.xml", "<two/>", { createFolders: false });
  const pkg = await PackageEditor.load(await zip.generateAsync({ type: "nodebuffer" }));
  expect(await pkg.text("xl/worksheets/sheet1.xml")).toBe("<one/>");
  expect(await pkg.text("xl/styles.xml")).toBe("<two/>");
  expect(pkg.has("XL/WORKSHEETS/SHEET1.XML")).toBe(true);
  expect(pkg.freePath("xl/worksheets", "sheet", "xml")).toBe("xl/worksheets/sheet2.xml");
  pkg.set("xl/worksheets/sheet1.xml", "<edited/>");
  const names = Object.keys((await JSZip.loadAsync(await pkg.generate())).files);
  expect(names).toContain("xl/worksheets/Sheet1.xml");
  expect(names).toContain("xl/styles.xml");
  expect(names.filter((n) => /sheet1\.xml$/i.test(n))).toHaveLength(1);
});
