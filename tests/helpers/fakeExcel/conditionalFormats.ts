/**
 * Conditional formats as Excel exposes them: a collection item has no stable key. Its `id` is "the
 * priority of the conditional format in the current ConditionalFormatCollection" (@types/office-js,
 * ExcelApi 1.6), so an item read from a load names whatever rule holds that priority when a later
 * action runs: deleting priority 0 shifts every other rule up by one. `add` inserts "at the
 * first/top priority", shifting them down.
 */
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { Area, FakeRuleData } from "./model";
import { areaAddress, fakeId, intersects, parseArea } from "./model";
import { FakeCollection, FakeObject, styleProxy } from "./object";
import type { FakeWorksheet } from "./workbook";

type RuleTarget = { rule: FakeRuleData } | { view: () => FakeRuleData[]; priority: number };

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat> {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly areas: () => Area[],
  ) {
    super(ctx);
  }
  describe(): string {
    return `${this.worksheet.describe()}.conditionalFormats`;
  }
  /** The collection now: the sheet's rules that touch the range, in priority order. */
  private view(): FakeRuleData[] {
    const areas = this.areas();
    return this.worksheet
      .sheet()
      .rules.filter((rule) => rule.areas.some((a) => areas.some((b) => intersects(parseArea(a), b))));
  }
  protected currentItems(): FakeConditionalFormat[] {
    return this.view().map(
      (_rule, priority) =>
        new FakeConditionalFormat(this.ctx, this.worksheet, { view: () => this.view(), priority }),
    );
  }
  add(type: string): FakeConditionalFormat {
    const rule: FakeRuleData = { id: fakeId("cf"), type, areas: [], formula: null, format: {} };
    this.ctx.enqueue(`${this.describe()}.add(${type})`, type, () => {
      this.worksheet.sheet().requireUnprotected("conditionalFormats.add");
      rule.areas = this.areas().map(areaAddress);
      this.worksheet.sheet().rules.unshift(rule);
    });
    return new FakeConditionalFormat(this.ctx, this.worksheet, { rule });
  }
  clearAll(): void {
    this.ctx.enqueue(`${this.describe()}.clearAll()`, null, () => {
      this.worksheet.sheet().requireUnprotected("conditionalFormats.clearAll");
      const gone = new Set(this.view());
      const sheet = this.worksheet.sheet();
      sheet.rules = sheet.rules.filter((rule) => !gone.has(rule));
    });
  }
}

export class FakeConditionalFormat extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly target: RuleTarget,
  ) {
    super(ctx);
  }
  /** The rule this item names now. */
  resolve(): FakeRuleData {
    if ("rule" in this.target) return this.target.rule;
    const rule = this.target.view()[this.target.priority];
    if (!rule)
      throw new FakeOfficeError("ItemNotFound", `No conditional format at priority ${this.target.priority}.`);
    return rule;
  }
  describe(): string {
    return "rule" in this.target
      ? `conditionalFormat(new ${this.target.rule.id})`
      : `${this.worksheet.describe()}.conditionalFormats.getItem(${this.target.priority})`;
  }
  protected readProp(name: string): unknown {
    if (name === "id")
      return String(
        "rule" in this.target ? this.worksheet.sheet().rules.indexOf(this.target.rule) : this.target.priority,
      );
    if (name === "type") return this.resolve().type;
    throw new FakeOfficeError("InvalidArgument", `conditionalFormat.${name} is not faked`);
  }
  protected override nav(name: string): FakeObject {
    if (name === "customOrNullObject") return this.customOrNullObject;
    if (name === "custom") return this.custom;
    return super.nav(name);
  }
  get id(): string {
    return this.loadedValue("id");
  }
  get type(): string {
    return this.loadedValue("type");
  }
  private customProxy: FakeCustomFormat | undefined;
  private customOrNullProxy: FakeCustomFormat | undefined;
  get custom(): FakeCustomFormat {
    this.customProxy ??= new FakeCustomFormat(this.ctx, () => this.resolve(), false, this.describe());
    return this.customProxy;
  }
  get customOrNullObject(): FakeCustomFormat {
    this.customOrNullProxy ??= new FakeCustomFormat(this.ctx, () => this.resolve(), true, this.describe());
    return this.customOrNullProxy;
  }
  delete(): void {
    this.ctx.enqueue(`${this.describe()}.delete()`, null, () => {
      const rule = this.resolve();
      const sheet = this.worksheet.sheet();
      sheet.requireUnprotected("conditionalFormat.delete");
      if (!sheet.rules.includes(rule))
        throw new FakeOfficeError("ItemNotFound", "The conditional format is gone.");
      sheet.rules = sheet.rules.filter((r) => r !== rule);
    });
  }
}

class FakeCustomFormat extends FakeObject {
  private ruleProxy: FakeCfRule | undefined;
  constructor(
    ctx: FakeContext,
    private readonly target: () => FakeRuleData,
    private readonly orNull: boolean,
    private readonly owner: string,
  ) {
    super(ctx);
  }
  describe(): string {
    return `${this.owner}.custom`;
  }
  protected override isNull(): boolean {
    return this.orNull && this.target().type !== "Custom";
  }
  protected readProp(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `custom.${name} is not faked`);
  }
  protected override nav(name: string): FakeObject {
    if (name === "rule") return this.ruleObject;
    return super.nav(name);
  }
  get rule(): FakeCfRule {
    return this.ruleObject;
  }
  private get ruleObject(): FakeCfRule {
    this.ruleProxy ??= new FakeCfRule(this.ctx, this.target, this.describe());
    return this.ruleProxy;
  }
  get format(): Record<string, unknown> {
    return styleProxy(this.ctx, `${this.describe()}.format`, (path, value) => {
      this.target().format[path] = value;
    });
  }
}

class FakeCfRule extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly data: () => FakeRuleData,
    private readonly owner: string,
  ) {
    super(ctx);
  }
  describe(): string {
    return `${this.owner}.rule`;
  }
  protected readProp(name: string): unknown {
    if (name === "formula") return this.data().formula;
    throw new FakeOfficeError("InvalidArgument", `rule.${name} is not faked`);
  }
  get formula(): string {
    return this.loadedValue("formula");
  }
  set formula(value: string) {
    this.ctx.enqueue(`${this.describe()}.formula`, value, () => {
      this.data().formula = value;
    });
  }
}
