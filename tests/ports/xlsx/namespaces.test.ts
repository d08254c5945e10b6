import JSZip from "jszip";
import { refuseMalformed } from "../../../src/ports/xlsx";
import { PackageEditor } from "../../../src/ports/xlsx/package";
import { prefixFor, withDefaultNamespace } from "../../../src/ports/xlsx/xml";
import { xmlProblem } from "../../../src/ports/xlsx/wellFormed";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

describe("prefixFor: only the root's declarations are in scope for the whole part", () => {
  test("openpyxl declares xmlns:r on the first <sheet>, which binds it there only", () => {
    const xml = `<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${REL}" name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect(prefixFor(xml, REL)).toBeNull();
  });

  test("a root declaration counts, whatever the prefix", () => {
    expect(prefixFor(`<?xml version="1.0"?>\n<workbook xmlns="${MAIN}" xmlns:rel="${REL}"/>`, REL)).toBe(
      "rel",
    );
  });
});

describe("withDefaultNamespace", () => {
  test("moves the root's prefix to the default namespace, the same document for a reader", () => {
    const xml = `<?xml version="1.0"?>\n<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="A" r:id="rId1"/></x:sheets></x:workbook>`;
    const out = withDefaultNamespace(xml)!;
    expect(out).toBe(
      `<?xml version="1.0"?>\n<workbook xmlns="${MAIN}" xmlns:x="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>`,
    );
    expect(xmlProblem(out)).toBeNull();
  });

  test("leaves an unprefixed part as it is", () => {
    const xml = `<workbook xmlns="${MAIN}"><sheets/></workbook>`;
    expect(withDefaultNamespace(xml)).toBe(xml);
  });

  test("gives up where dropping the prefix would move elements into another namespace", () => {
    expect(withDefaultNamespace(`<x:a xmlns:x="${MAIN}" xmlns="urn:other"><x:b/></x:a>`)).toBeNull();
    expect(withDefaultNamespace(`<x:a xmlns:x="${MAIN}"><b/></x:a>`)).toBeNull();
    expect(withDefaultNamespace(`<x:a xmlns:x="${MAIN}"><x:b xmlns:x="urn:other"/></x:a>`)).toBeNull();
  });
});

describe("xmlProblem: namespace-aware well-formedness", () => {
  test("an attribute prefix bound only on a sibling is not in scope", () => {
    const xml = `<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${REL}" r:id="rId1"/><sheet r:id="rId2"/></sheets></workbook>`;
    expect(xmlProblem(xml)).toMatch(/unbound namespace prefix: "r"/);
  });

  test("well-formed XML with a byte order mark passes; broken markup does not", () => {
    expect(xmlProblem(`\uFEFF<a xmlns:r="${REL}" r:id="1"/>`)).toBeNull();
    expect(xmlProblem("<a><b></a>")).not.toBeNull();
  });
});

describe("refuseMalformed: nothing is written with an unbound prefix where parts meet", () => {
  const bad = `<workbook xmlns="${MAIN}"><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>`;

  test("an edited workbook part with an unbound prefix stops the write", async () => {
    const pkg = await PackageEditor.load(
      await new JSZip().file("x.txt", "x").generateAsync({ type: "uint8array" }),
    );
    pkg.set("xl/workbook.xml", bad);
    expect(() => refuseMalformed(pkg, { skipped: [], sheetParts: [] }, "bok.xlsx")).toThrow(
      /bok\.xlsx skrevs inte: Målkoll skulle ha skrivit ogiltig XML \(xl\/workbook\.xml: .*unbound namespace prefix: "r"/,
    );
  });

  test("sheet parts are left to the test suite (checking them would cost most of a run)", async () => {
    const pkg = await PackageEditor.load(
      await new JSZip().file("x.txt", "x").generateAsync({ type: "uint8array" }),
    );
    pkg.set("xl/worksheets/sheet1.xml", bad);
    expect(() =>
      refuseMalformed(pkg, { skipped: [], sheetParts: ["xl/worksheets/sheet1.xml"] }, "bok.xlsx"),
    ).not.toThrow();
  });
});
