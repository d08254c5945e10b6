/** Tables and charts. A chart's series refer to cells, so they follow a renamed sheet, as in Excel. */
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { Area, FakeChartData, FakeSheet } from "./model";
import { areaAddress, fakeId, parseArea, quoteSheet } from "./model";
import { FakeCollection, FakeObject, styleProxy } from "./object";
import { FakeRange } from "./range";
import type { FakeWorksheet } from "./workbook";

/** A range reference that reads with the sheet's current name. */
class CellRef {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly area: Area,
  ) {}
  toString(): string {
    return `${quoteSheet(this.sheet.name)}!${areaAddress(this.area)}`;
  }
}

class SeriesEntry {
  nameText: string | null;
  valuesRef: CellRef | null = null;
  xValuesRef: CellRef | null = null;
  readonly format: Record<string, unknown> = {};
  constructor(name: string | null) {
    this.nameText = name;
  }
  get name(): string | null {
    return this.nameText;
  }
  get values(): string | null {
    return this.valuesRef?.toString() ?? null;
  }
  get xValues(): string | null {
    return this.xValuesRef?.toString() ?? null;
  }
}

function refOf(range: FakeRange): CellRef {
  const address = range.addressNow();
  return new CellRef(range.worksheet.sheet(), parseArea(address));
}

export class FakeTableCollection extends FakeCollection<FakeTable> {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  describe(): string {
    return `${this.worksheet.describe()}.tables`;
  }
  protected currentItems(): FakeTable[] {
    return this.worksheet
      .sheet()
      .tables.map((t) => this.itemFor(t, () => new FakeTable(this.ctx, this.worksheet, t)));
  }
}

class FakeTable extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly data: { name: string; address: string },
  ) {
    super(ctx);
  }
  describe(): string {
    return `table(${this.data.name})`;
  }
  protected readProp(name: string): unknown {
    if (name === "name") return this.data.name;
    throw new FakeOfficeError("InvalidArgument", `table.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  getRange(): FakeRange {
    return FakeRange.create(this.ctx, this.worksheet, `table(${this.data.name}).getRange()`, () =>
      parseArea(this.data.address),
    );
  }
}

export class FakeChartCollection extends FakeCollection<FakeChart> {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  describe(): string {
    return `${this.worksheet.describe()}.charts`;
  }
  protected currentItems(): FakeChart[] {
    return this.worksheet
      .sheet()
      .charts.map((c) => this.itemFor(c, () => new FakeChart(this.ctx, this.worksheet, c)));
  }
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    const data: FakeChartData = {
      id: fakeId("chart"),
      type,
      title: null,
      position: null,
      series: [],
      format: {},
    };
    this.ctx.enqueue(`${this.describe()}.add(${type},${seriesBy})`, type, () => {
      const first = new SeriesEntry(null);
      first.valuesRef = refOf(source);
      data.series.push(first);
      this.worksheet.sheet().charts.push(data);
    });
    return new FakeChart(this.ctx, this.worksheet, data);
  }
}

class FakeChart extends FakeObject {
  readonly title: { text: string; format: Record<string, unknown> };
  readonly series: {
    getItemAt(index: number): FakeSeries;
    add(name: string): FakeSeries;
  };
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    readonly data: FakeChartData,
  ) {
    super(ctx);
    const describeChart = (): string => this.describe();
    const titleFormat = styleProxy(ctx, `${describeChart()}.title.format`, (path, value) => {
      data.format[`title.format.${path}`] = value;
    });
    this.title = {
      format: titleFormat,
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "chart.title.text is not loaded");
      },
      set text(value: string) {
        ctx.enqueue(`${describeChart()}.title.text`, value, () => {
          data.title = value;
        });
      },
    };
    this.series = {
      getItemAt: (index: number) =>
        new FakeSeries(ctx, data, () => {
          const s = data.series[index];
          if (!(s instanceof SeriesEntry)) throw new FakeOfficeError("ItemNotFound", `No series ${index}`);
          return s;
        }),
      add: (name: string) => {
        const entry = new SeriesEntry(name);
        ctx.enqueue(`${describeChart()}.series.add`, name, () => data.series.push(entry));
        return new FakeSeries(ctx, data, () => entry);
      },
    };
  }
  describe(): string {
    return `${this.worksheet.describe()}.chart(${this.data.id})`;
  }
  /** The chart's font and fill (`chart.format`), recorded by path. */
  get format(): Record<string, unknown> {
    return this.recorded("format");
  }
  /** `axes.categoryAxis.reversePlotOrder`, `axes.valueAxis.majorUnit`, … recorded by path. */
  get axes(): Record<string, unknown> {
    return this.recorded("axes");
  }
  get legend(): Record<string, unknown> {
    return this.recorded("legend");
  }
  private recorded(root: string): Record<string, unknown> {
    return styleProxy(this.ctx, `${this.describe()}.${root}`, (path, value) => {
      this.data.format[`${root}.${path}`] = value;
    });
  }
  protected readProp(name: string): unknown {
    if (name === "name") return this.data.id;
    throw new FakeOfficeError("InvalidArgument", `chart.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  setPosition(start: string, end?: string): void {
    this.ctx.enqueue(`${this.describe()}.setPosition`, [start, end], () => {
      this.data.position = end ? [start, end] : [start];
    });
  }
  delete(): void {
    this.ctx.enqueue(`${this.describe()}.delete()`, null, () => {
      const sheet = this.worksheet.sheet();
      sheet.charts = sheet.charts.filter((c) => c !== this.data);
    });
  }
}

class FakeSeries {
  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: FakeChartData,
    private readonly entry: () => SeriesEntry,
  ) {}
  set name(value: string) {
    this.ctx.enqueue(`chart(${this.chart.id}).series.name`, value, () => {
      this.entry().nameText = value;
    });
  }
  setValues(range: FakeRange): void {
    this.ctx.enqueue(`chart(${this.chart.id}).series.setValues`, null, () => {
      this.entry().valuesRef = refOf(range);
    });
  }
  setXAxisValues(range: FakeRange): void {
    this.ctx.enqueue(`chart(${this.chart.id}).series.setXAxisValues`, null, () => {
      this.entry().xValuesRef = refOf(range);
    });
  }
  /** The series' fill and line (`format.fill.setSolidColor(c)` as `fill.solidColor`), by path. */
  get format(): Record<string, unknown> {
    return styleProxy(this.ctx, `chart(${this.chart.id}).series.format`, (path, value) => {
      this.entry().format[`format.${path}`] = value;
    });
  }
  set gapWidth(value: number) {
    this.ctx.enqueue(`chart(${this.chart.id}).series.gapWidth`, value, () => {
      this.entry().format.gapWidth = value;
    });
  }
  set overlap(value: number) {
    this.ctx.enqueue(`chart(${this.chart.id}).series.overlap`, value, () => {
      this.entry().format.overlap = value;
    });
  }
}
