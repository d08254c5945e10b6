import type { Finding } from "../../src/engine/findings";
import { finding, sortFindings } from "../../src/engine/findings";

const at = (sheet: string, cell: string, code: Finding["code"] = "placeholder-text"): Finding =>
  finding({ code, sheet, cell, message: `${sheet}!${cell}`, messageEn: "" });

const order = (findings: Finding[], sheets: string[]) => sortFindings(findings, sheets).map((f) => f.message);

test("severity first, then the sheets' order, then row, column and code", () => {
  const findings = [
    at("B", "A1", "direction-unknown"),
    at("A", "C2"),
    at("B", "B1"),
    at("A", "AA2"),
    at("A", "B10"),
    at("A", "B9", "unit-mismatch"),
    at("A", "Z2"),
  ];
  expect(order(findings, ["A", "B"])).toEqual(["A!B9", "A!C2", "A!Z2", "A!AA2", "A!B10", "B!B1", "B!A1"]);
  expect(order(findings, ["B", "A"])).toEqual(["A!B9", "B!B1", "A!C2", "A!Z2", "A!AA2", "A!B10", "B!A1"]);
});

test("codes break ties on one cell; sheets not in the order come last", () => {
  const findings = [
    at("X", "A1", "outcome-missing"),
    at("A", "A1", "target-missing"),
    at("A", "A1", "analysis-missing"),
  ];
  expect(sortFindings(findings, ["A"]).map((f) => `${f.sheet}:${f.code}`)).toEqual([
    "A:analysis-missing",
    "A:target-missing",
    "X:outcome-missing",
  ]);
});

test("a cell that is not plain A1 sorts as row 0, column 0, in its given place among equals", () => {
  const findings = [
    at("A", "B2"),
    at("A", "$A$1"),
    at("A", "a1"),
    at("A", "A1:B2"),
    at("A", ""),
    at("A", "A0003"),
  ];
  expect(order(findings, ["A"])).toEqual(["A!$A$1", "A!a1", "A!A1:B2", "A!", "A!B2", "A!A0003"]);
});

test("rows and columns beyond Excel's grid still sort by their numbers", () => {
  const findings = [
    at("A", "A3000000"),
    at("A", "B2999999"),
    at("A", "ZZZZ1"),
    at("A", "A1234567890123456789"),
    at("A", "C2"),
  ];
  expect(order(findings, ["A"])).toEqual([
    "A!ZZZZ1",
    "A!C2",
    "A!B2999999",
    "A!A3000000",
    "A!A1234567890123456789",
  ]);
});
