/** The proxy base of the fake: load-before-read, `toJSON`, collections, recorded style paths. */
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";

function utf8(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export abstract class FakeObject {
  private loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  abstract describe(): string;
  protected abstract readProp(name: string): unknown;
  protected defaultProps(): string[] {
    return [];
  }
  protected nav(name: string): FakeObject {
    throw new FakeOfficeError("InvalidArgument", `${this.describe()} has no navigation property ${name}`);
  }
  protected isNull(): boolean {
    return false;
  }

  load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : spec ? spec.split(",") : this.defaultProps())
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue(
      `${this.describe()}.load(${paths.join(",")})`,
      paths,
      () => {
        this.beginLoad();
        for (const path of paths) this.loadPath(path.split("/"));
        return utf8(JSON.stringify(this.toJSON()));
      },
      () => this.forget(),
    );
    return this;
  }

  /** The start of a load: the object's null-ness (a collection also takes its items now). */
  protected beginLoad(): void {
    this.loadPath([]);
  }

  protected setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  loadPath(segments: string[]): void {
    this.loaded.set("isNullObject", this.isNull());
    if (this.isNull() || segments.length === 0 || (segments.length === 1 && segments[0] === "isNullObject"))
      return;
    if (segments.length === 1) this.loaded.set(segments[0], this.readProp(segments[0]));
    else this.nav(segments[0]).loadPath(segments.slice(1));
  }

  /** Drops everything loaded (its sync failed). */
  forget(): void {
    this.loaded = new Map();
  }

  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name))
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.describe()}.${name}`,
      );
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    return this.loadedValue<boolean>("isNullObject");
  }

  /** The loaded properties as plain data, like Office.js `toJSON()`. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of this.loaded) {
      if (key === "isNullObject") continue;
      out[key] = key === "items" ? (value as FakeObject[]).map((item) => item.toJSON()) : value;
    }
    return out;
  }
}

export abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private readonly proxies = new Map<unknown, T>();
  protected abstract currentItems(): T[];
  /** One proxy per underlying object, so loads of several item properties land on the same items. */
  protected itemFor(data: unknown, make: () => T): T {
    let item = this.proxies.get(data);
    if (!item) {
      item = make();
      this.proxies.set(data, item);
    }
    return item;
  }
  protected override readProp(name: string): unknown {
    if (name === "items") return this.currentItems();
    throw new FakeOfficeError("InvalidArgument", `${this.describe()} has no property ${name}`);
  }
  /** The items are taken once per load; every path of the load then reads the same items. */
  protected override beginLoad(): void {
    this.setLoaded("isNullObject", false);
    this.setLoaded("items", this.currentItems());
  }
  override loadPath(segments: string[]): void {
    if (segments.length === 0) return;
    if (segments[0] !== "items")
      throw new FakeOfficeError("InvalidArgument", `${this.describe()} has no property ${segments[0]}`);
    for (const item of this.items) item.loadPath(segments.slice(1));
  }
  protected override defaultProps(): string[] {
    return ["items"];
  }
  get items(): T[] {
    return this.loadedValue<T[]>("items");
  }
}

/**
 * Property assignments on `format`, `fill`, `font`, `borders.getItem(x)` ... recorded by path;
 * `autofitRows()` / `autofitColumns()` are recorded as calls, a chart fill's `setSolidColor(c)` as
 * `….solidColor`.
 */
export function styleProxy(
  ctx: FakeContext,
  describe: string,
  apply: (path: string, value: unknown) => void,
  path = "",
): Record<string, unknown> {
  const join = (name: string): string => (path ? `${path}.${name}` : name);
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== "string") return undefined;
        if (prop === "getItem") return (name: string) => styleProxy(ctx, describe, apply, join(name));
        if (prop === "autofitRows" || prop === "autofitColumns")
          return () => ctx.enqueue(`${describe}.${join(prop)}()`, null, () => apply(join(prop), true));
        if (prop === "setSolidColor")
          return (color: string) =>
            ctx.enqueue(`${describe}.${join(prop)}`, color, () => apply(join("solidColor"), color));
        return styleProxy(ctx, describe, apply, join(prop));
      },
      set(_target, prop, value) {
        const full = join(String(prop));
        ctx.enqueue(`${describe}.${full}`, value, () => apply(full, value));
        return true;
      },
    },
  );
}
