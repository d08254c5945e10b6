#!/usr/bin/env node
/**
 * `npm start`: open Målkoll in Excel for development.
 *
 * - Windows/macOS: `office-addin-debugging start manifest.xml` (starts the dev server and sideloads
 *   into desktop Excel) when that package is installed; it is not a dependency of this project
 *   (on Linux it cannot sideload and needs libsecret to install), so otherwise this prints how to
 *   install it or sideload by hand.
 * - Linux: desktop Excel does not exist, so this prints how to sideload into Excel on the web and
 *   starts `npm run dev-server` (pass --no-dev-server to only print the steps).
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn } = require("child_process");

const root = path.join(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const args = process.argv.slice(2);
const startDevServer = !args.includes("--no-dev-server");

function devCertsInstalled() {
  try {
    const { localhostCertificatePath } = require("office-addin-dev-certs/lib/defaults");
    return fs.existsSync(localhostCertificatePath);
  } catch {
    return fs.existsSync(path.join(os.homedir(), ".office-addin-dev-certs", "localhost.crt"));
  }
}

function resolveDebugging() {
  try {
    return require.resolve("office-addin-debugging/cli.js", { paths: [root] });
  } catch {
    return null;
  }
}

function certificateHint() {
  if (devCertsInstalled()) return "";
  return [
    "",
    "Utvecklingscertifikat saknas / dev certificates missing: Excel only loads https://localhost:3000",
    "with a trusted certificate. Run once:",
    "  npx office-addin-dev-certs install",
    "",
  ].join("\n");
}

const WEB_STEPS = `
Excel på webben / Excel on the web:
  1. Starta utvecklingsservern / start the dev server:  npm run dev-server
     (https://localhost:3000; öppna https://localhost:3000/taskpane.html en gång i webbläsaren
      och godkänn certifikatet / open it once in the browser and accept the certificate)
  2. Öppna en arbetsbok i Excel på webben (office.com → Excel) / open a workbook in Excel on the web.
  3. Start → Tillägg → Fler inställningar → Ladda upp mitt tillägg
     (äldre utseende / older layout: Infoga → Tillägg → Mina tillägg → Hantera mina tillägg →
      Ladda upp mitt tillägg; English: Home → Add-ins → More Settings → Upload My Add-in).
  4. Välj / choose ${manifest} → Ladda upp / Upload.
  5. Fliken Start → gruppen Målkoll → Öppna Målkoll / Home tab → Målkoll group → Open Målkoll.
     Knappen Kontrollera kör kontrollen utan fönstret / "Run check" runs it without the pane.
  Sideloaded add-ins stay until the browser cache is cleared; upload again after manifest changes.`;

const DESKTOP_STEPS = `
Excel för Windows/Mac utan office-addin-debugging / without office-addin-debugging:
  Installera verktyget / install the tool (not a project dependency):
    npm install --no-save office-addin-debugging
    npm start
  eller sidladda själv / or sideload by hand:
    Windows: dela en mapp som innehåller manifest.xml (share a folder holding manifest.xml), lägg
      dess \\\\dator\\mapp i Arkiv → Alternativ → Säkerhetscenter → Inställningar för
      Säkerhetscenter → Betrodda tilläggskataloger (File → Options → Trust Center → Trust Center
      Settings → Trusted Add-in Catalogs) med "Visa på menyn", starta om Excel, then
      Start → Tillägg → Delad mapp (Home → Add-ins → Shared Folder) → Målkoll.
    Mac: kopiera manifest.xml till / copy it to
      ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/  (create wef if missing),
      starta om Excel, then Home → Add-ins → Målkoll.
    Kör sedan / then run:  npm run dev-server`;

function runNpmScript(script) {
  const child = spawn("npm", ["run", script], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

function main() {
  if (process.platform === "win32" || process.platform === "darwin") {
    const debugging = resolveDebugging();
    if (debugging) {
      const child = spawn(process.execPath, [debugging, "start", manifest, "desktop", "--app", "excel"], {
        cwd: root,
        stdio: "inherit",
      });
      child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
      return;
    }
    console.log("office-addin-debugging är inte installerat / is not installed.");
    console.log(certificateHint() + DESKTOP_STEPS + "\n" + WEB_STEPS + "\n");
    process.exitCode = 1;
    return;
  }

  console.log(
    [
      `Sidladdning till Excel stöds inte på ${process.platform} (det finns inget Excel för skrivbordet här).`,
      `Sideloading into Excel is not supported on ${process.platform} (there is no desktop Excel).`,
      "Använd Excel på webben / use Excel on the web:",
    ].join("\n"),
  );
  console.log(certificateHint() + WEB_STEPS + "\n");
  if (startDevServer) {
    console.log("Startar / starting: npm run dev-server  (Ctrl+C avslutar / stops)\n");
    runNpmScript("dev-server");
  }
}

main();
