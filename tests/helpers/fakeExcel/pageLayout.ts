/**
 * A worksheet's page layout (ExcelApi 1.9) and its manual row page breaks, recorded on the fake
 * sheet. Nothing here can be read without a load (none is faked): the port only sets.
 */
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { FakePageLayout, FakeSheet } from "./model";
import { parseArea } from "./model";
import type { FakeRange } from "./range";

type Zoom = NonNullable<FakePageLayout["zoom"]>;

function notLoaded(what: string): never {
  throw new FakeOfficeError("PropertyNotLoaded", `${what} is not loaded`);
}

/** Excel's paper sizes (Excel.PaperType) that a test may meet. */
const PAPER_TYPES = new Set(["Letter", "Legal", "A3", "A4", "A5"]);

/**
 * Properties Office.js only lets the port set here: reading one without a load throws, setting it
 * calls `set` on the object (which queues the action).
 */
function setOnly<T>(
  target: object,
  names: string[],
  set: (self: T, name: string, value: never) => void,
): void {
  for (const name of names)
    Object.defineProperty(target, name, {
      get: () => notLoaded(name),
      set(this: T, value: never) {
        set(this, name, value);
      },
    });
}

/** `headersFooters.defaultForAllPages`: each part set on its own. */
class FakeHeaderFooter {
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
  constructor(readonly record: (part: string, value: string) => void) {}
}
setOnly<FakeHeaderFooter>(
  FakeHeaderFooter.prototype,
  ["leftFooter", "centerFooter", "rightFooter"],
  (self, part, value) => self.record(part, value),
);

export class FakePageLayoutProxy {
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare orientation: string;
  declare paperSize: string;
  declare zoom: Zoom;
  readonly headersFooters: { defaultForAllPages: FakeHeaderFooter };
  constructor(
    private readonly ctx: FakeContext,
    private readonly describe: () => string,
    private readonly sheet: () => FakeSheet,
  ) {
    this.headersFooters = {
      defaultForAllPages: new FakeHeaderFooter((part, value) =>
        this.record(`headersFooters.defaultForAllPages.${part}`, value, (layout) => {
          layout.headersFooters = { ...layout.headersFooters, [part]: value };
        }),
      ),
    };
  }

  record(path: string, value: unknown, apply: (layout: FakePageLayout) => void): void {
    this.ctx.enqueue(`${this.describe()}.${path}`, value, () => apply(this.sheet().pageLayout));
  }

  /** Fit-to-pages is only applied while the Page Layout tab shows (OfficeDev/office-js#1860). */
  get pageLayoutTabShown(): boolean {
    return this.ctx.data.pageLayoutTabShown;
  }

  setPrintTitleRows(address: string): void {
    this.record("setPrintTitleRows", address, (layout) => {
      parseArea(address);
      layout.printTitleRows = address;
    });
  }
}

const MARGINS = ["left", "right", "top", "bottom", "header", "footer"];
setOnly<FakePageLayoutProxy>(
  FakePageLayoutProxy.prototype,
  MARGINS.map((side) => `${side}Margin`),
  (self, name, value: number) =>
    self.record(name, value, (layout) => {
      if (!(value >= 0)) throw new FakeOfficeError("InvalidArgument", `A margin of ${value} points.`);
      layout.margins = { ...layout.margins, [name.replace(/Margin$/, "")]: value };
    }),
);
setOnly<FakePageLayoutProxy>(FakePageLayoutProxy.prototype, ["orientation"], (self, name, value: string) =>
  self.record(name, value, (layout) => {
    if (value !== "Landscape" && value !== "Portrait")
      throw new FakeOfficeError("InvalidArgument", `No orientation ${value}.`);
    layout.orientation = value;
  }),
);
setOnly<FakePageLayoutProxy>(FakePageLayoutProxy.prototype, ["paperSize"], (self, name, value: string) =>
  self.record(name, value, (layout) => {
    if (!PAPER_TYPES.has(value)) throw new FakeOfficeError("InvalidArgument", `No paper size ${value}.`);
    layout.paperSize = value;
  }),
);
setOnly<FakePageLayoutProxy>(FakePageLayoutProxy.prototype, ["zoom"], (self, name, value: Zoom) =>
  self.record(name, value, (layout) => {
    const fit = value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined;
    if (fit && !self.pageLayoutTabShown) {
      if (value.scale !== undefined) layout.zoom = { scale: value.scale };
      return;
    }
    // "Print page scale value can be between 10 and 400."
    if (value.scale !== undefined && !(value.scale >= 10 && value.scale <= 400))
      throw new FakeOfficeError("InvalidArgument", `A print scale of ${value.scale} %.`);
    layout.zoom = { ...value };
  }),
);

/** `worksheet.horizontalPageBreaks`: manual breaks, each before the top-left cell of its range. */
/** Excel's documented limit of horizontal page breaks a sheet. */
export const FAKE_MAX_PAGE_BREAKS = 1026;

export class FakePageBreaks {
  constructor(
    private readonly ctx: FakeContext,
    private readonly describe: () => string,
    private readonly sheet: () => FakeSheet,
  ) {}

  add(pageBreakRange: FakeRange | string): void {
    const label = typeof pageBreakRange === "string" ? pageBreakRange : pageBreakRange.describe();
    this.ctx.enqueue(`${this.describe()}.add(${label})`, label, () => {
      const address = typeof pageBreakRange === "string" ? pageBreakRange : pageBreakRange.addressNow();
      const row = parseArea(address).r0 + 1;
      const sheet = this.sheet();
      if (sheet.pageBreaks.includes(row)) return;
      // "There is a limit of 1,026 horizontal page breaks per sheet" (VBA's Worksheet.HPageBreaks).
      if (sheet.pageBreaks.length >= FAKE_MAX_PAGE_BREAKS)
        throw new FakeOfficeError("InvalidOperation", "A sheet holds at most 1 026 horizontal page breaks.");
      sheet.pageBreaks = [...sheet.pageBreaks, row].sort((a, b) => a - b);
    });
  }

  removePageBreaks(): void {
    this.ctx.enqueue(`${this.describe()}.removePageBreaks()`, null, () => {
      this.sheet().pageBreaks = [];
    });
  }
}
