#!/usr/bin/env node
/**
 * Offline validation of Målkoll's XML add-in manifest.
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml]
 *
 * `office-addin-manifest validate manifest.xml` posts the XML to a Microsoft web service, so it is
 * not used. Instead, all offline:
 *   1. The XML is namespace-well-formed, checked in Node with saxes (the converter's parser is
 *      lenient and would otherwise accept broken markup; no system program is needed).
 *   2. `office-addin-manifest info manifest.xml` must read it; its Id, Version, Type, Hosts and
 *      Permissions are checked against the forms the XML manifest schema allows.
 *   3. Every `resid` points at a defined resource, and every icon served from the dev origin's
 *      assets/ exists locally as a PNG of its stated size.
 *   4. `office-addin-manifest-converter convert manifest.xml -o <tmp>` turns it into the unified
 *      (JSON) manifest, and `office-addin-manifest validate <tmp>/manifest.json` checks that against
 *      Microsoft's JSON schema shipped in @microsoft/app-manifest (read from disk, not fetched).
 *
 * Every child process runs with this file preloaded as a network guard (see `blockNetwork`): any
 * connection to a non-loopback host is refused and fails validation, so nothing phones home.
 * (office-addin-usage-data 3.x, which these tools use, no longer sends telemetry at all.)
 * Exits 1 with the errors listed when anything fails.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const GUARD_ENV = "MALKOLL_BLOCK_NETWORK";
const GUARD_TAG = "[malkoll-offline-guard]";

/**
 * Unified-manifest schema version to convert to. The converter's default (1.17) emits
 * `extensions[].getStartedMessages`, which Microsoft's schemas only define from 1.23 on.
 */
const UNIFIED_SCHEMA_VERSION = "1.23";
const UNIFIED_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_SCHEMA_VERSION}/MicrosoftTeams.schema.json`;

/** Values the XML manifest schema (OfficeApp 1.1) allows in <Permissions>. */
const XML_PERMISSIONS = [
  "Restricted",
  "ReadDocument",
  "ReadAllDocument",
  "WriteDocument",
  "ReadWriteDocument",
];
/** The XML manifest's VersionType: one to four dot-separated numbers of up to five digits. */
const XML_VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
// The converter colours some warnings itself, whatever the environment says.
// eslint-disable-next-line no-control-regex -- matching terminal escape codes is the point
const ANSI_ESCAPES = /\x1b\[[0-9;]*m/g;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isLoopback(host) {
  return (
    host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(String(host))
  );
}

/** Refuses every TCP/TLS connection except to loopback (and local IPC sockets) in this process. */
function blockNetwork() {
  const net = require("net");
  const originalConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options = first !== null && typeof first === "object" ? first : { port: first, host: args[1] };
    if (!options.path) {
      const host = options.host || "localhost";
      if (!isLoopback(host)) {
        const message = `${GUARD_TAG} blocked a network connection to ${host}:${options.port}`;
        process.stderr.write(`${message}\n`);
        throw new Error(message);
      }
    }
    return originalConnect.apply(this, args);
  };
}

function resolveBin(packageName, binFile) {
  return require.resolve(`${packageName}/${binFile}`, { paths: [path.join(__dirname, "..")] });
}

/** Runs a node CLI with the network guard preloaded; returns its exit status and combined output. */
function runGuardedNode(script, args) {
  const result = spawnSync(process.execPath, ["--require", __filename, script, ...args], {
    encoding: "utf8",
    env: { ...process.env, [GUARD_ENV]: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const output = `${result.stdout || ""}${result.stderr || ""}`.replace(ANSI_ESCAPES, "").trim();
  return { status: result.status === null ? 1 : result.status, output, error: result.error };
}

function networkAttempt(output) {
  return output.split("\n").find((line) => line.includes(GUARD_TAG));
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(file) {
  const bytes = fs.readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) return null;
  if (bytes.subarray(12, 16).toString("ascii") !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function parseInfoOutput(output) {
  const info = {};
  for (const line of output.split("\n")) {
    const match = /^ {2}([A-Za-z][A-Za-z ]*): ?(.*)$/.exec(line);
    if (match) info[match[1]] = match[2].trim();
  }
  return info;
}

function checkWellFormed(manifestPath, report) {
  const { SaxesParser } = require("saxes");
  const parser = new SaxesParser({ xmlns: true, position: true });
  const problems = [];
  parser.on("error", (err) => problems.push(err.message));
  const xml = fs.readFileSync(manifestPath, "utf8");
  parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  if (problems.length) report.error(`the XML is not well-formed\n${problems.join("\n")}`);
  else report.ok("saxes: namespace-well-formed XML");
}

function checkInfo(manifestPath, report) {
  const cli = resolveBin("office-addin-manifest", "cli.js");
  const result = runGuardedNode(cli, ["info", manifestPath]);
  const attempt = networkAttempt(result.output);
  if (attempt) report.error(`office-addin-manifest info tried to use the network: ${attempt}`);
  if (result.status !== 0) {
    report.error(`office-addin-manifest info could not read the manifest\n${result.output}`);
    return;
  }
  const info = parseInfoOutput(result.output);
  const problems = [];
  if (!GUID.test(info.Id || "")) problems.push(`<Id> must be a GUID, found "${info.Id || ""}"`);
  if (!XML_VERSION.test(info.Version || "")) {
    problems.push(`<Version> must look like 1.0.0.0, found "${info.Version || ""}"`);
  }
  if (info.Type !== "TaskPaneApp") problems.push(`xsi:type must be TaskPaneApp, found "${info.Type || ""}"`);
  if (!(info.Hosts || "").split(/,\s*/).includes("Workbook")) {
    problems.push(`<Hosts> must contain Workbook (Excel), found "${info.Hosts || ""}"`);
  }
  if (!XML_PERMISSIONS.includes(info.Permissions || "")) {
    problems.push(
      `<Permissions> must be one of ${XML_PERMISSIONS.join(", ")}, found "${info.Permissions || ""}"`,
    );
  }
  if (!info["Default Locale"]) problems.push("<DefaultLocale> is missing");
  if (!info.Name) problems.push("<DisplayName> is missing");
  if (problems.length > 0) report.error(`office-addin-manifest info: ${problems.join("; ")}`);
  else
    report.ok(`office-addin-manifest info: ${info.Name} ${info.Version} (${info.Id}), ${info.Permissions}`);
  return info;
}

function checkResourcesAndIcons(manifestPath, xml, report) {
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  const missing = [...new Set([...xml.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]))].filter(
    (id) => !defined.has(id),
  );
  for (const id of missing) report.error(`resid "${id}" is used but not defined under <Resources>`);

  const source = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(xml);
  const origin = source ? new URL(source[1]).origin : null;
  const assetUrls = origin
    ? [...new Set([...xml.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]))].filter(
        (url) => new URL(url).origin === origin && new URL(url).pathname.startsWith("/assets/"),
      )
    : [];
  const baseDir = path.dirname(manifestPath);
  let iconProblems = 0;
  for (const url of assetUrls) {
    const relative = decodeURIComponent(new URL(url).pathname).slice(1);
    const file = path.join(baseDir, relative);
    if (!fs.existsSync(file)) {
      report.error(`${url} is referenced but ${relative} does not exist`);
      iconProblems++;
      continue;
    }
    const stated = /icon-(\d+)\.png$/.exec(relative);
    const size = relative.endsWith(".png") ? pngSize(file) : null;
    if (relative.endsWith(".png") && !size) {
      report.error(`${relative} is not a PNG`);
      iconProblems++;
    } else if (stated && size && (size.width !== Number(stated[1]) || size.height !== Number(stated[1]))) {
      report.error(`${relative} is ${size.width}×${size.height}, expected ${stated[1]}×${stated[1]}`);
      iconProblems++;
    }
  }
  if (missing.length === 0 && iconProblems === 0) {
    report.ok(
      `resources: every resid defined; ${assetUrls.length} asset URLs found locally with matching sizes`,
    );
  }
}

function checkUnifiedSchema(manifestPath, report) {
  const schemaFile = path.join(
    path.dirname(require.resolve("@microsoft/app-manifest", { paths: [path.join(__dirname, "..")] })),
    "json-schemas",
    "teams",
    `v${UNIFIED_SCHEMA_VERSION}`,
    "MicrosoftTeams.schema.json",
  );
  if (!fs.existsSync(schemaFile)) {
    report.error(`Microsoft's schema v${UNIFIED_SCHEMA_VERSION} is not installed locally (${schemaFile})`);
    return;
  }
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-manifest-"));
  const converter = resolveBin("office-addin-manifest-converter", "cli.js");
  const converted = runGuardedNode(converter, [
    "convert",
    manifestPath,
    "-o",
    outDir,
    "-v",
    "--schema-override",
    UNIFIED_SCHEMA_URL,
    "--schema-version-override",
    UNIFIED_SCHEMA_VERSION,
  ]);
  const lines = converted.output.split("\n");
  const attempt = networkAttempt(converted.output);
  if (attempt) report.error(`office-addin-manifest-converter tried to use the network: ${attempt}`);
  for (const line of lines.filter((l) => l.includes("WARNING"))) report.warn(line.trim());
  const converterErrors = lines.filter((l) => /ERROR/.test(l));
  const jsonManifest = path.join(outDir, "manifest.json");
  if (converterErrors.length > 0 || !fs.existsSync(jsonManifest)) {
    report.error(
      `office-addin-manifest-converter could not convert the manifest (a required element is missing ` +
        `or has a value it does not accept)\n${converterErrors.join("\n") || converted.output}`,
    );
    fs.rmSync(outDir, { recursive: true, force: true });
    return;
  }

  const validator = resolveBin("office-addin-manifest", "cli.js");
  const validated = runGuardedNode(validator, ["validate", jsonManifest]);
  const validatorAttempt = networkAttempt(validated.output);
  if (validatorAttempt)
    report.error(`office-addin-manifest validate tried to use the network: ${validatorAttempt}`);
  if (validated.status !== 0) {
    report.error(
      `office-addin-manifest validate: the converted manifest breaks Microsoft's schema ` +
        `v${UNIFIED_SCHEMA_VERSION} (kept in ${outDir})\n${validated.output}`,
    );
    return;
  }
  report.ok(
    `office-addin-manifest-converter convert + office-addin-manifest validate: ` +
      `valid against Microsoft's unified manifest schema v${UNIFIED_SCHEMA_VERSION}`,
  );
  fs.rmSync(outDir, { recursive: true, force: true });
}

function createReport() {
  const errors = [];
  return {
    errors,
    ok: (message) => console.log(`  ok    ${message}`),
    warn: (message) => console.log(`  warn  ${message}`),
    error: (message) => {
      errors.push(message);
      console.log(`  FAIL  ${message.replace(/\n/g, "\n        ")}`);
    },
  };
}

function main() {
  const manifestPath = path.resolve(process.argv[2] || "manifest.xml");
  console.log(`Validating ${path.relative(process.cwd(), manifestPath) || manifestPath} (offline)`);
  if (!fs.existsSync(manifestPath)) {
    console.error(`  FAIL  ${manifestPath} does not exist`);
    process.exit(1);
  }
  const report = createReport();
  const xml = fs.readFileSync(manifestPath, "utf8");
  checkWellFormed(manifestPath, report);
  checkInfo(manifestPath, report);
  checkResourcesAndIcons(manifestPath, xml, report);
  checkUnifiedSchema(manifestPath, report);
  if (report.errors.length > 0) {
    console.error(`\nThe manifest is not valid: ${report.errors.length} problem(s).`);
    process.exit(1);
  }
  console.log("\nThe manifest is valid.");
}

if (require.main === module) {
  main();
} else if (process.env[GUARD_ENV] === "1") {
  blockNetwork();
}

module.exports = { blockNetwork, pngSize, UNIFIED_SCHEMA_VERSION };
