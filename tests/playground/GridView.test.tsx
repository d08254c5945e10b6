/** @jest-environment jsdom */
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { GridView } from "../../src/playground/GridView";
import { MemoryPort } from "../../src/ports/memory/memoryPort";

/**
 * The playground's grid shows a number as its cell's format does (walk of 7 December: `0 st` and
 * `Max 10 personer` in the generated Indikatorer showed as `0` and `10`, as if the units and the
 * ceiling were lost; Excel and the Word copy keep them).
 */
test("a report format's words show beside the number; a hidden column is greyed and titled", () => {
  const port = new MemoryPort({
    name: "t.xlsx",
    sheets: [
      {
        name: "Målkoll Indikatorer",
        visibility: "visible",
        originRow: 1,
        originCol: 1,
        values: [[10, 0, 0.046, 12]],
        formats: [['"Max "0" personer"', '0" st"', "0.0 %", null]],
        hiddenColumns: [4],
      },
    ],
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <GridView port={port} />
    </FluentProvider>,
  );
  const text = (cell: string) => document.querySelector(`[data-cell="${cell}"]`)?.textContent;
  expect([text("A1"), text("B1"), text("C1")]).toEqual(["Max 10 personer", "0 st", "4,6\u00a0%"]);
  expect(document.querySelector('th[title="Dold kolumn / Hidden column"]')?.textContent).toBe("D");
});
