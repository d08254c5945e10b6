/**
 * Security posture: the manifest asks for ReadWriteDocument only, and the task pane page has a
 * Content-Security-Policy and loads nothing but its own bundle and office.js from Microsoft's CDN.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function cspOf(html: string): Map<string, string[]> {
  const meta = /<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html)?.[0];
  expect(meta).toBeDefined();
  const content = /content=("([^"]*)"|'([^']*)')/i.exec(meta!);
  const policy = content?.[2] ?? content?.[3] ?? "";
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

/** Everything the page loads: script src, link href, img src, iframes. */
function loads(html: string): string[] {
  return [...html.matchAll(/<(script|link|img|iframe)\b[^>]*?\s(src|href)=["']?([^"' >]+)/gi)].map(
    (m) => m[3],
  );
}

describe("manifest.xml", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  test("asks for ReadWriteDocument and nothing more", () => {
    const permissions = [...xml.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(permissions).toEqual(["ReadWriteDocument"]);
  });
  test("allows no other domains than its own", () => {
    const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => new URL(m[1]).hostname);
    const sources = [...xml.matchAll(/DefaultValue="(https:[^"]*)"/g)].map((m) => new URL(m[1]).hostname);
    for (const host of domains) expect(sources).toContain(host);
  });
});

describe.each([
  ["source", path.join(ROOT, "src", "taskpane", "taskpane.html")],
  ["built", path.join(ROOT, "dist", "taskpane.html")],
])("task pane HTML (%s)", (kind, file) => {
  const present = fs.existsSync(file);
  if (kind === "built" && !present) {
    test.skip("dist/taskpane.html not built (npm run build)", () => undefined);
    return;
  }
  const html = fs.readFileSync(file, "utf8");

  test("has a Content-Security-Policy: scripts from itself and office.js's CDN only, no eval, no remote connections", () => {
    const csp = cspOf(html);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")?.sort()).toEqual(["'self'", "https://appsforoffice.microsoft.com"].sort());
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("*");
    }
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  test("loads nothing but its own files and office.js", () => {
    const urls = loads(html);
    expect(urls).toContain(OFFICE_JS);
    for (const url of urls) {
      if (url === OFFICE_JS) continue;
      expect(url).not.toMatch(/^(https?:)?\/\//);
      expect(url).not.toMatch(/^(javascript|data:text)/i);
    }
    if (kind === "built") expect(urls.some((u) => /^taskpane\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>\s*\S/i);
  });
});

describe("dependency advisories", () => {
  // GHSA-w5hq-g745-h8pq (uuid < 11.1.1, moderate) reached us only through exceljs 4.4.0, which
  // pins uuid ^8; package.json overrides it to 11.1.1. ExcelJS calls uuid when it writes
  // extended conditional formats (data bars), so that path proves the override works.
  test("ExcelJS runs on the overridden uuid: a data bar gets a braced upper-case GUID", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const exceljsDir = path.dirname(require.resolve("exceljs/package.json"));
    const uuidPackage = require.resolve("uuid/package.json", { paths: [exceljsDir] });
    expect(JSON.parse(fs.readFileSync(uuidPackage, "utf8")).version).toBe("11.1.1");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad1");
    ws.addRow([1]).commit();
    ws.addConditionalFormatting({
      ref: "A1:A3",
      rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }] } as never],
    });
    const xml = (await (await import("jszip")).default.loadAsync(await wb.xlsx.writeBuffer()))
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    expect(await xml).toMatch(
      /<x14:id>\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}<\/x14:id>/,
    );
  });
});
