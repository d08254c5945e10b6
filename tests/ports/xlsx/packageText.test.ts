import JSZip from "jszip";
import { PackageEditor } from "../../../src/ports/xlsx/package";

/** Parts read through Node's zlib must be the very text JSZip decodes, whatever the entry holds. */
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
  for (const name of ["a.xml", "stored.xml", "bom.xml", "bad.xml", "empty.xml"])
    expect(await pkg.text(name)).toBe(await reference.file(name)!.async("string"));
  expect(await pkg.text("missing.xml")).toBeNull();
  pkg.set("a.xml", "<changed/>");
  expect(await pkg.text("a.xml")).toBe("<changed/>");
  pkg.remove("stored.xml");
  expect(await pkg.text("stored.xml")).toBeNull();
});
