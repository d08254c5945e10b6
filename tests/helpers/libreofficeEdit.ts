/**
 * Edits a workbook in LibreOffice as a person edits it in a spreadsheet program (a row inserted or
 * deleted, a value typed over a cell) and saves it as .xlsx: LibreOffice, not Målkoll, moves the
 * formulas that point at the cells moved. It is driven through its UNO API from Debian's
 * python3-uno (`/usr/bin/python3`), in a throwaway profile, over a named pipe (no network).
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { PROFILE_SETTINGS } from "./libreoffice";

export type SheetEdit =
  /** A blank row inserted above 1-based row `row`. */
  | { op: "insertRow"; sheet: string; row: number }
  | { op: "deleteRow"; sheet: string; row: number }
  /** A blank column inserted before 1-based column `col`. */
  | { op: "insertColumn"; sheet: string; col: number }
  /** A formula set in a cell (A1 address), in LibreOffice's API syntax (`=$'Driftbudget'.C5`). */
  | { op: "setFormula"; sheet: string; cell: string; formula: string }
  /** A number typed into a cell (A1 address), over whatever it held. */
  | { op: "setValue"; sheet: string; cell: string; value: number };

const SCRIPT = String.raw`
import json, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p

soffice, profile, pipe, source, target, edits = sys.argv[1:7]
office = subprocess.Popen([soffice, "-env:UserInstallation=" + profile, "--headless", "--invisible",
                           "--norestore", "--nolockcheck", "--accept=pipe,name=" + pipe + ";urp;"])
context = None
for _ in range(240):
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = resolver.resolve("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext")
        break
    except Exception:
        if office.poll() is not None:
            sys.exit("soffice ended before it accepted a connection")
        time.sleep(0.25)
if context is None:
    office.kill()
    sys.exit("soffice did not accept a connection in 60 s")
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
try:
    doc = desktop.loadComponentFromURL(source, "_blank", 0, (prop("Hidden", True),))
    for edit in json.loads(edits):
        sheet = doc.Sheets.getByName(edit["sheet"])
        if edit["op"] == "insertRow":
            sheet.Rows.insertByIndex(edit["row"] - 1, 1)
        elif edit["op"] == "deleteRow":
            sheet.Rows.removeByIndex(edit["row"] - 1, 1)
        elif edit["op"] == "insertColumn":
            sheet.Columns.insertByIndex(edit["col"] - 1, 1)
        elif edit["op"] == "setFormula":
            sheet.getCellRangeByName(edit["cell"]).setFormula(edit["formula"])
        else:
            sheet.getCellRangeByName(edit["cell"]).setValue(edit["value"])
    doc.storeToURL(target, (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        office.wait(timeout=60)
    except Exception:
        office.kill()
`;

/** Applies `edits` to the workbook at `input` in LibreOffice and saves the result at `output`. */
export function editWithLibreOffice(
  soffice: string,
  python: string,
  input: string,
  output: string,
  edits: SheetEdit[],
): void {
  const profile = mkdtempSync(path.join(tmpdir(), "malkoll-lo-edit-"));
  try {
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
    const pipe = `malkoll-${process.pid}-${path.basename(profile)}`;
    execFileSync(
      python,
      [
        "-c",
        SCRIPT,
        soffice,
        pathToFileURL(profile).href,
        pipe,
        pathToFileURL(input).href,
        pathToFileURL(output).href,
        JSON.stringify(edits),
      ],
      { encoding: "utf8", timeout: 180_000, stdio: ["ignore", "pipe", "pipe"] },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
