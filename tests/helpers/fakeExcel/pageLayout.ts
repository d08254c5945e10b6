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

/** `headersFooters.defaultForAllPages`: the six parts, each set on its own. */
class FakeHeaderFooter {
  constructor(private readonly set: (part: string, value: string) => void) {}
  get leftFooter(): string {
    return notLoaded("headerFooter.leftFooter");
  }
  set leftFooter(value: string) {
    this.set("leftFooter", value);
  }
  get centerFooter(): string {
    return notLoaded("headerFooter.centerFooter");
  }
  set centerFooter(value: string) {
    this.set("centerFooter", value);
  }
  get rightFooter(): string {
    return notLoaded("headerFooter.rightFooter");
  }
  set rightFooter(value: string) {
    this.set("rightFooter", value);
  }
}

export class FakePageLayoutProxy {
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

  private record(path: string, value: unknown, apply: (layout: FakePageLayout) => void): void {
    this.ctx.enqueue(`${this.describe()}.${path}`, value, () => apply(this.sheet().pageLayout));
  }

  private margin(side: string, value: number): void {
    this.record(`${side}Margin`, value, (layout) => {
      if (!(value >= 0)) throw new FakeOfficeError("InvalidArgument", `A margin of ${value} points.`);
      layout.margins = { ...layout.margins, [side]: value };
    });
  }

  get orientation(): string {
    return notLoaded("pageLayout.orientation");
  }
  set orientation(value: string) {
    this.record("orientation", value, (layout) => {
      if (value !== "Landscape" && value !== "Portrait")
        throw new FakeOfficeError("InvalidArgument", `No orientation ${value}.`);
      layout.orientation = value;
    });
  }
  get paperSize(): string {
    return notLoaded("pageLayout.paperSize");
  }
  set paperSize(value: string) {
    this.record("paperSize", value, (layout) => {
      if (!PAPER_TYPES.has(value)) throw new FakeOfficeError("InvalidArgument", `No paper size ${value}.`);
      layout.paperSize = value;
    });
  }
  get leftMargin(): number {
    return notLoaded("pageLayout.leftMargin");
  }
  set leftMargin(value: number) {
    this.margin("left", value);
  }
  get rightMargin(): number {
    return notLoaded("pageLayout.rightMargin");
  }
  set rightMargin(value: number) {
    this.margin("right", value);
  }
  get topMargin(): number {
    return notLoaded("pageLayout.topMargin");
  }
  set topMargin(value: number) {
    this.margin("top", value);
  }
  get bottomMargin(): number {
    return notLoaded("pageLayout.bottomMargin");
  }
  set bottomMargin(value: number) {
    this.margin("bottom", value);
  }
  get headerMargin(): number {
    return notLoaded("pageLayout.headerMargin");
  }
  set headerMargin(value: number) {
    this.margin("header", value);
  }
  get footerMargin(): number {
    return notLoaded("pageLayout.footerMargin");
  }
  set footerMargin(value: number) {
    this.margin("footer", value);
  }
  get zoom(): Zoom {
    return notLoaded("pageLayout.zoom");
  }
  set zoom(value: Zoom) {
    this.record("zoom", value, (layout) => {
      // OfficeDev/office-js#1860: fit-to-pages is only applied while the Page Layout tab shows.
      const fit = value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined;
      if (fit && !this.ctx.data.pageLayoutTabShown) {
        if (value.scale !== undefined) layout.zoom = { scale: value.scale };
        return;
      }
      // "Print page scale value can be between 10 and 400."
      if (value.scale !== undefined && !(value.scale >= 10 && value.scale <= 400))
        throw new FakeOfficeError("InvalidArgument", `A print scale of ${value.scale} %.`);
      layout.zoom = { ...value };
    });
  }
  setPrintTitleRows(address: string): void {
    this.record("setPrintTitleRows", address, (layout) => {
      parseArea(address);
      layout.printTitleRows = address;
    });
  }
}

/** `worksheet.horizontalPageBreaks`: manual breaks, each before the top-left cell of its range. */
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
      if (!sheet.pageBreaks.includes(row))
        sheet.pageBreaks = [...sheet.pageBreaks, row].sort((a, b) => a - b);
    });
  }

  removePageBreaks(): void {
    this.ctx.enqueue(`${this.describe()}.removePageBreaks()`, null, () => {
      this.sheet().pageBreaks = [];
    });
  }
}
