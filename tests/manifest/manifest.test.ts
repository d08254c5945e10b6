/**
 * @jest-environment jsdom
 */
import fs from "fs";
import path from "path";

const repoRoot = path.resolve(__dirname, "..", "..");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const doc = new DOMParser().parseFromString(
  fs.readFileSync(path.join(repoRoot, "manifest.xml"), "utf8"),
  "application/xml",
);

function all(localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", localName));
}

function one(localName: string): Element {
  const found = all(localName);
  expect(found).toHaveLength(1);
  return found[0];
}

/** A direct child of <OfficeApp> (names like Description also occur inside VersionOverrides). */
function top(localName: string): Element {
  const found = Array.from(doc.documentElement.children).filter((el) => el.localName === localName);
  expect(found).toHaveLength(1);
  return found[0];
}

function resource(id: string): Element {
  const found = Array.from(doc.getElementsByTagNameNS(BT, "*")).filter((el) => el.getAttribute("id") === id);
  expect(found).toHaveLength(1);
  return found[0];
}

function enUsOverride(el: Element): string | null {
  const override = Array.from(el.children).find(
    (child) => child.localName === "Override" && child.getAttribute("Locale") === "en-US",
  );
  return override?.getAttribute("Value") ?? null;
}

function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  it("is an Excel task-pane add-in asking only for ReadWriteDocument", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expect(top("Id").textContent).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
    expect(top("Version").textContent).toBe("1.0.0.0");
    expect(top("Permissions").textContent).toBe("ReadWriteDocument");
    const hostNames = all("Host").map(
      (host) => host.getAttribute("Name") ?? host.getAttributeNS(XSI, "type"),
    );
    expect(new Set(hostNames)).toEqual(new Set(["Workbook"]));
  });

  it("is Swedish by default with English overrides for the names users see", () => {
    expect(top("DefaultLocale").textContent).toBe("sv-SE");
    for (const name of ["DisplayName", "Description"]) {
      expect(enUsOverride(top(name))).toBeTruthy();
    }
    const strings = all("String").filter((el) => el.namespaceURI === BT);
    expect(strings.length).toBeGreaterThan(0);
    for (const str of strings) {
      expect({ id: str.getAttribute("id"), en: enUsOverride(str) }).toEqual({
        id: str.getAttribute("id"),
        en: expect.stringMatching(/\S/),
      });
    }
    expect(top("Description").getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(80);
  });

  it("has a Home-tab group that opens the pane and runs the check without it", () => {
    expect(one("OfficeTab").getAttribute("id")).toBe("TabHome");
    const actions = all("Action");
    const showPane = actions.find((a) => a.getAttributeNS(XSI, "type") === "ShowTaskpane")!;
    const paneUrl = showPane.getElementsByTagNameNS("*", "SourceLocation")[0].getAttribute("resid")!;
    expect(resource(paneUrl).getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");
    expect(
      top("DefaultSettings").getElementsByTagNameNS("*", "SourceLocation")[0].getAttribute("DefaultValue"),
    ).toBe("https://localhost:3000/taskpane.html");

    const execute = actions.find((a) => a.getAttributeNS(XSI, "type") === "ExecuteFunction")!;
    expect(execute.getElementsByTagNameNS("*", "FunctionName")[0].textContent).toBe("runCheck");
    const functionFile = one("FunctionFile").getAttribute("resid")!;
    expect(resource(functionFile).getAttribute("DefaultValue")).toBe("https://localhost:3000/commands.html");
  });

  it("points at icons that exist in assets/ at their stated sizes (plus 128 px)", () => {
    const iconUrls = Array.from(doc.querySelectorAll("*"))
      .map((el) => el.getAttribute("DefaultValue") ?? "")
      .filter((value) => value.startsWith("https://localhost:3000/assets/"));
    expect(iconUrls.length).toBeGreaterThanOrEqual(4);
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(repoRoot, "assets", `icon-${size}.png`))).toEqual([size, size]);
    }
    for (const url of iconUrls) {
      expect(fs.existsSync(path.join(repoRoot, new URL(url).pathname))).toBe(true);
    }
  });
});
