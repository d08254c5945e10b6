import fs from "fs";
import os from "os";
import path from "path";

import { describeIfBinary, missingBinaryMessage, requireBinary } from "../helpers/requireBinary";

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
  jest.restoreAllMocks();
});

/** Runs `describeIfBinary` with jest's registration functions replaced, and reports what it registered. */
function registerWith(env: Record<string, string | undefined>, fn: jest.Mock = jest.fn()) {
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  const fakeDescribe = jest.fn() as jest.Mock & { skip: jest.Mock };
  fakeDescribe.skip = jest.fn();
  const fakeIt = jest.fn();
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const globals = globalThis as unknown as Record<string, unknown>;
  const real = { describe: globals.describe, it: globals.it };
  globals.describe = fakeDescribe;
  globals.it = fakeIt;
  try {
    describeIfBinary("pdftoppm", "some suite", fn);
    // Run the bodies handed to describe/describe.skip, still with the fakes installed.
    for (const call of [...fakeDescribe.mock.calls, ...fakeDescribe.skip.mock.calls]) call[1]();
  } finally {
    globals.describe = real.describe;
    globals.it = real.it;
  }
  return { describe: fakeDescribe, it: fakeIt, warn, fn };
}

describe("requireBinary", () => {
  it("uses <NAME>_PATH when set: an executable counts as available", () => {
    process.env.PDFTOPPM_PATH = process.execPath;
    expect(requireBinary("pdftoppm")).toEqual({
      name: "pdftoppm",
      available: true,
      path: process.execPath,
      installHint: "sudo apt-get install poppler-utils",
    });
  });

  it("reports a missing program with its install hint", () => {
    process.env.CHROMIUM_PATH = path.join(__dirname, "no-such-chromium");
    const check = requireBinary("chromium");
    expect(check.available).toBe(false);
    expect(check.path).toBeNull();
    expect(missingBinaryMessage(check, "screenshots")).toBe(
      'Chromium saknas – hoppar över "screenshots". Installera: sudo apt-get install chromium\n' +
        'Chromium is missing – skipping "screenshots". Install: sudo apt-get install chromium',
    );
  });

  it("a program with a probe counts only when the probe exits 0 (python3 without the uno module is missing)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-bin-"));
    const fake = (name: string, status: number) => {
      const file = path.join(dir, name);
      fs.writeFileSync(
        file,
        `#!/bin/sh\n[ "$1" = "-c" ] && [ "$2" = "import uno" ] && exit ${status}\nexit 3\n`,
      );
      fs.chmodSync(file, 0o755);
      return file;
    };
    process.env.PYUNO_PATH = fake("without-uno", 1);
    expect(requireBinary("pyuno")).toMatchObject({ available: false, path: null });
    process.env.PYUNO_PATH = fake("with-uno", 0);
    expect(requireBinary("pyuno")).toMatchObject({ available: true, path: process.env.PYUNO_PATH });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("finds programs on PATH", () => {
    const withProgram = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-bin-"));
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-bin-"));
    const program = path.join(withProgram, process.platform === "win32" ? "soffice.EXE" : "soffice");
    fs.writeFileSync(program, "#!/bin/sh\n", { mode: 0o755 });
    delete process.env.SOFFICE_PATH;
    try {
      process.env.PATH = empty;
      expect(requireBinary("soffice").available).toBe(false);
      process.env.PATH = [empty, withProgram].join(path.delimiter);
      expect(requireBinary("soffice", "custom hint")).toEqual({
        name: "soffice",
        available: true,
        path: program,
        installHint: "custom hint",
      });
    } finally {
      fs.rmSync(withProgram, { recursive: true, force: true });
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("describeIfBinary", () => {
  it("registers the suite and hands it the check when the program exists", () => {
    const { describe, fn } = registerWith({ PDFTOPPM_PATH: process.execPath });
    expect(describe).toHaveBeenCalledWith("some suite", expect.any(Function));
    expect(fn).toHaveBeenCalledWith(expect.objectContaining({ available: true, path: process.execPath }));
  });

  it("skips with a Swedish and English message when missing outside CI", () => {
    const { describe, warn } = registerWith({ PDFTOPPM_PATH: "/nonexistent/pdftoppm", CI: undefined });
    expect(describe).not.toHaveBeenCalled();
    expect(describe.skip).toHaveBeenCalledWith("some suite", expect.any(Function));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("pdftoppm (poppler) saknas – hoppar över"));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Install: sudo apt-get install poppler-utils"));
  });

  it("registers a failing test when missing under CI=true", () => {
    const {
      describe,
      it: registeredIt,
      fn,
    } = registerWith({ PDFTOPPM_PATH: "/nonexistent/pdftoppm", CI: "true" });
    expect(describe).toHaveBeenCalledWith("some suite", expect.any(Function));
    expect(fn).not.toHaveBeenCalled();
    expect(registeredIt).toHaveBeenCalledTimes(1);
    const failing = registeredIt.mock.calls[0][1] as () => void;
    expect(failing).toThrow(/pdftoppm \(poppler\) saknas.*\n.*pdftoppm \(poppler\) is missing[\s\S]*CI=true/);
  });
});
