/**
 * What the port asks of the host besides the workbook: which API sets it has, and who it is (host,
 * platform, version) for the run record and the self-test. Both are injectable so tests run the
 * guarded paths (page layout, culture) without Office.
 */

/** `Office.context.requirements.isSetSupported`, or a stand-in. */
export type IsSetSupported = (name: string, version: string) => boolean;

export const officeIsSetSupported: IsSetSupported = (name, version) =>
  typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(name, version);

export interface HostInfo {
  /** `Excel`. */
  host: string;
  /** `OfficeOnline`, `PC`, `Mac`, `iOS`, `Universal`, `Android`; `okänd` outside Office. */
  platform: string;
  /** The Office build, e.g. `16.0.18227.20162`. */
  version: string;
}

export const UNKNOWN_HOST: HostInfo = { host: "okänd", platform: "okänd", version: "" };

export function officeHostInfo(): HostInfo {
  const diagnostics = typeof Office !== "undefined" ? Office.context?.diagnostics : undefined;
  if (!diagnostics) return UNKNOWN_HOST;
  return {
    host: String(diagnostics.host ?? "Excel"),
    platform: String(diagnostics.platform ?? "okänd"),
    version: String(diagnostics.version ?? ""),
  };
}

const PLATFORM_NAMES: Record<string, { sv: string; en: string }> = {
  OfficeOnline: { sv: "Excel på webben", en: "Excel on the web" },
  PC: { sv: "Excel för Windows", en: "Excel for Windows" },
  Universal: { sv: "Excel för Windows", en: "Excel for Windows" },
  Mac: { sv: "Excel för Mac", en: "Excel for Mac" },
  iOS: { sv: "Excel för iPad", en: "Excel for iPad" },
  Android: { sv: "Excel för Android", en: "Excel for Android" },
};

/** `Excel på webben` for `OfficeOnline`, the raw name otherwise. */
export function platformName(platform: string, language: "sv" | "en"): string {
  return PLATFORM_NAMES[platform]?.[language] ?? platform;
}

/** The highest `ExcelApi 1.x` the host reports (`1.1` at least when it answers at all). */
export function highestExcelApi(isSetSupported: IsSetSupported, upTo = 20): string | null {
  let highest: string | null = null;
  for (let minor = 1; minor <= upTo; minor++) {
    if (!isSetSupported("ExcelApi", `1.${minor}`)) break;
    highest = `1.${minor}`;
  }
  return highest;
}
