import type { SheetSpec } from "../../../src/engine/report/spec";
import {
  copyTableToClipboard,
  formatSwedishNumber,
  splitTables,
  tableToHtml,
  tableToText,
} from "../../../src/taskpane/state/wordTable";

const sp = (s: string) => s.replace(/\u00a0/g, " ");

describe("Word tables", () => {
  test("numbers are written the Swedish report way", () => {
    expect(sp(formatSwedishNumber(2435.3, "#,##0.0"))).toBe("2 435,3");
    expect(sp(formatSwedishNumber(-489.4, "#,##0.0"))).toBe("-489,4");
    expect(sp(formatSwedishNumber(0.041, "0.0 %"))).toBe("4,1 %");
    expect(sp(formatSwedishNumber(103955, "#,##0"))).toBe("103 955");
    expect(sp(formatSwedishNumber(-0.04, "#,##0.0"))).toBe("0,0");
    expect(formatSwedishNumber(2021)).toBe("2021");
    expect(formatSwedishNumber(0.1 + 0.2)).toBe("0,3");
  });

  const spec: SheetSpec = {
    key: "driftbudget",
    columnWidths: [],
    rows: [
      [{ value: "Målkoll – Driftbudget", style: "title" }],
      [],
      [{ value: "Per verksamhetsområde", style: "heading" }],
      [
        { value: "Mnkr", style: "header" },
        { value: "Budget", style: "header" },
      ],
      [{ value: "Individ- och familjeomsorg" }, { value: 290.3, format: "#,##0.0" }],
      [
        { value: "varav socialpsykiatri", style: "varav" },
        { value: 66.4, format: "#,##0.0" },
      ],
      [
        { value: "Totalt", style: "total" },
        { value: 2435.3, format: "#,##0.0", formula: "SUM(B5:B5)" },
      ],
      [null, null],
      [{ value: "Nästa <tabell>", style: "heading" }],
      [{ value: "A", style: "header" }],
      [{ value: "x & y" }],
    ],
  };

  test("a generated sheet splits into its tables, each named by the headings above", () => {
    const tables = splitTables(spec);
    expect(tables.map((t) => t.title)).toEqual([
      "Målkoll – Driftbudget – Per verksamhetsområde",
      "Nästa <tabell>",
    ]);
    expect(tables[0].rows).toHaveLength(4);
  });

  test("HTML has bold header and totals, italic varav, right-aligned numbers, escaped text", () => {
    const [first, second] = splitTables(spec);
    const html = sp(tableToHtml(first));
    expect(html).toContain("<th");
    expect(html).toContain("<b>Totalt</b>");
    expect(html).toContain("<b>2 435,3</b>");
    expect(html).toContain("<i>varav socialpsykiatri</i>");
    expect(html).toMatch(/text-align:right;[^>]*>290,3/);
    expect(tableToHtml(second)).toContain("Nästa &lt;tabell&gt;");
    expect(tableToHtml(second)).toContain("x &amp; y");
    expect(sp(tableToText(first)).split("\n")[4]).toBe("Totalt\t2 435,3");
  });

  test("the clipboard gets HTML and plain text", async () => {
    const written: Record<string, Blob>[] = [];
    class FakeItem {
      constructor(readonly items: Record<string, Blob>) {
        written.push(items);
      }
    }
    (globalThis as unknown as { ClipboardItem: unknown }).ClipboardItem = FakeItem;
    if (typeof Blob === "undefined") throw new Error("Blob missing");
    const clipboard = { write: jest.fn(async () => undefined), writeText: jest.fn() } as unknown as Clipboard;
    await copyTableToClipboard(splitTables(spec)[0], clipboard);
    expect(Object.keys(written[0]).sort()).toEqual(["text/html", "text/plain"]);
    expect(await written[0]["text/html"].text()).toContain("<table");
    delete (globalThis as unknown as { ClipboardItem?: unknown }).ClipboardItem;
  });
});
