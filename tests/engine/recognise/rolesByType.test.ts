/**
 * The roles a table type's columns can have (`columnRolesOf`) are what *Rätta tolkning* offers for
 * its columns: every role recognition gives a column of the seeds' tables is among its type's.
 */
import { readdirSync } from "fs";
import { recognise } from "../../../src/engine/recognise";
import { COLUMN_ROLES, TABLE_TYPE_LABELS, columnRolesOf } from "../../../src/engine/recognise/types";
import type { TableType } from "../../../src/engine/recognise/types";
import { snapshotOfSeeds } from "../../helpers/seedAtLines";
import { seedFixtureDir } from "../../helpers/seedGrid";

const seeds = readdirSync(seedFixtureDir())
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.replace(/\.txt$/, ""));

describe("columnRolesOf", () => {
  test("covers every role recognition reads in the seeds' tables, of every type they hold", () => {
    const typesSeen = new Set<TableType>();
    const outside: string[] = [];
    for (const seed of seeds)
      for (const table of recognise(snapshotOfSeeds(seed)).tables) {
        typesSeen.add(table.type);
        for (const c of table.columns)
          if (c.role && !columnRolesOf(table.type).includes(c.role))
            outside.push(`${seed} ${table.id} (${table.type}): ${c.header} → ${c.role}`);
      }
    expect(outside).toEqual([]);
    expect([...typesSeen].sort()).toEqual(
      (Object.keys(TABLE_TYPE_LABELS) as TableType[]).filter((t) => t !== "budget-other").sort(),
    );
  });

  test("keeps an indicator table's roles apart from a budget table's", () => {
    const indicators = columnRolesOf("indicators-followup");
    expect(indicators).toEqual(expect.arrayContaining(["name", "outcome", "target", "kfTarget", "ignore"]));
    expect(indicators).not.toContain("budget");
    expect(indicators).not.toContain("start");
    const budget = columnRolesOf("driftbudget-namnd");
    expect(budget).toEqual(
      expect.arrayContaining(["name", "budget", "budgetDeviation", "analysis", "ignore"]),
    );
    expect(budget).not.toContain("target");
    expect(columnRolesOf("activities")).toEqual([
      "name",
      "goal",
      "goalLevel",
      "goalId",
      "start",
      "end",
      "deviationFlag",
      "status",
      "analysis",
      "comment",
      "ignore",
    ]);
    expect(indicators).not.toContain("status");
  });

  test("gives every role to some type", () => {
    const offered = new Set((Object.keys(TABLE_TYPE_LABELS) as TableType[]).flatMap((t) => columnRolesOf(t)));
    expect(COLUMN_ROLES.filter((role) => !offered.has(role))).toEqual([]);
  });
});
