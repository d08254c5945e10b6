import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const repoRoot = path.resolve(__dirname, "..", "..");
const validator = path.join(repoRoot, "scripts", "validate-manifest.js");
const manifestXml = fs.readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");

interface RunResult {
  status: number;
  output: string;
}

function runValidator(manifestPath: string): RunResult {
  const result = spawnSync(process.execPath, [validator, manifestPath], { cwd: repoRoot, encoding: "utf8" });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

/** A copy of manifest.xml (edited) next to a copy of assets/, in a fresh temp dir. */
function brokenCopy(edit: (xml: string) => string, editAssets?: (assetsDir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-manifest-test-"));
  const edited = edit(manifestXml);
  expect(edited).not.toBe(manifestXml);
  fs.writeFileSync(path.join(dir, "manifest.xml"), edited);
  fs.cpSync(path.join(repoRoot, "assets"), path.join(dir, "assets"), { recursive: true });
  editAssets?.(path.join(dir, "assets"));
  tempDirs.push(dir);
  return path.join(dir, "manifest.xml");
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run validate (scripts/validate-manifest.js)", () => {
  it("accepts manifest.xml, including Microsoft's unified-manifest schema check", () => {
    const { status, output } = runValidator(path.join(repoRoot, "manifest.xml"));
    expect(output).toContain("The manifest is valid.");
    expect(output).toMatch(
      /office-addin-manifest validate: valid against Microsoft's unified manifest schema/,
    );
    expect(output).not.toContain("FAIL");
    expect(status).toBe(0);
  });

  it.each([
    [
      "a typo in <Permissions>",
      (xml: string) => xml.replace("<Permissions>ReadWriteDocument<", "<Permissions>ReadWriteDocumet<"),
      /<Permissions> must be one of .*found "ReadWriteDocumet"/,
    ],
    [
      "a malformed <Version>",
      (xml: string) => xml.replace("<Version>1.0.0.0</Version>", "<Version>v1.x</Version>"),
      /<Version> must look like 1\.0\.0\.0, found "v1\.x"/,
    ],
    ["a missing <Id>", (xml: string) => xml.replace(/<Id>[^<]*<\/Id>\s*/, ""), /<Id> must be a GUID/],
    [
      "a missing <Hosts>",
      (xml: string) => xml.replace(/<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/, ""),
      /<Hosts> must contain Workbook/,
    ],
    [
      "a resid with no resource",
      (xml: string) => xml.replace('resid="RunCheck.Label"', 'resid="RunCheck.Lable"'),
      /resid "RunCheck\.Lable" is used but not defined/,
    ],
  ])("rejects %s", (_label, edit, expected) => {
    const { status, output } = runValidator(brokenCopy(edit));
    expect(output).toMatch(expected);
    expect(output).toContain("The manifest is not valid");
    expect(status).toBe(1);
  });

  it("rejects a manifest the unified-manifest schema refuses (no host scope)", () => {
    // The converter maps <Host Name="..."> to scopes; an unknown host leaves scopes empty, which
    // only Microsoft's JSON schema notices.
    const { status, output } = runValidator(
      brokenCopy((xml) => xml.replace('<Host Name="Workbook"/>', '<Host Name="Workbok"/>')),
    );
    expect(output).toMatch(/FAIL {2}office-addin-manifest validate: .*schema/);
    expect(output).toMatch(/scopes must NOT have fewer than 1 items/);
    expect(status).toBe(1);
  });

  it("rejects a missing icon and an icon of the wrong size", () => {
    const png16 = fs.readFileSync(path.join(repoRoot, "assets", "icon-16.png"));
    const manifest = brokenCopy(
      (xml) => xml.replace("<!--", "<!-- (icons edited) "),
      (assets) => {
        fs.rmSync(path.join(assets, "icon-64.png"));
        fs.writeFileSync(path.join(assets, "icon-80.png"), png16);
      },
    );
    const { status, output } = runValidator(manifest);
    expect(output).toMatch(/assets\/icon-64\.png does not exist/);
    expect(output).toMatch(/assets\/icon-80\.png is 16×16, expected 80×80/);
    expect(status).toBe(1);
  });

  it("fails with a clear message when the file does not exist", () => {
    const { status, output } = runValidator(path.join(os.tmpdir(), "no-such-dir-malkoll", "manifest.xml"));
    expect(output).toMatch(/does not exist/);
    expect(status).toBe(1);
  });
});

describe("validate: XML well-formedness, checked in Node", () => {
  it("rejects markup the lenient converter would accept", () => {
    const { status, output } = runValidator(brokenCopy((xml) => xml.replace("<Hosts>", "")));
    expect(output).toMatch(/the XML is not well-formed/);
    expect(status).toBe(1);
  });

  it("rejects a prefix no xmlns binds", () => {
    const { status, output } = runValidator(brokenCopy((xml) => xml.replace("<Hosts>", "<Hosts><q:x/>")));
    expect(output).toMatch(/unbound namespace prefix: "q"/);
    expect(status).toBe(1);
  });
});

describe("network guard used by the validator's child processes", () => {
  it("refuses a connection to a non-loopback host before any lookup", () => {
    const result = spawnSync(
      process.execPath,
      [
        "--require",
        validator,
        "-e",
        "require('https').get('https://manifest-check.example.invalid/', () => {}).on('error', () => {});",
      ],
      { encoding: "utf8", env: { ...process.env, MALKOLL_BLOCK_NETWORK: "1" }, timeout: 20000 },
    );
    expect(result.stderr).toContain(
      "[malkoll-offline-guard] blocked a network connection to manifest-check.example.invalid:443",
    );
    expect(result.status).not.toBe(0);
  });

  it("leaves loopback connections alone", () => {
    const script = [
      "const net = require('net');",
      "const server = net.createServer((s) => s.end('ok')).listen(0, '127.0.0.1', () => {",
      "  const socket = net.connect(server.address().port, '127.0.0.1');",
      "  socket.on('data', (d) => { process.stdout.write(String(d)); socket.end(); server.close(); });",
      "});",
    ].join("\n");
    const result = spawnSync(process.execPath, ["--require", validator, "-e", script], {
      encoding: "utf8",
      env: { ...process.env, MALKOLL_BLOCK_NETWORK: "1" },
      timeout: 20000,
    });
    expect(result.stdout).toBe("ok");
    expect(result.status).toBe(0);
  });
});
