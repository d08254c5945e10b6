/**
 * The house's layers, checked by `npm run lint` (dependency-cruiser): dependencies point one way,
 * type-only imports included, and nothing imports in a circle.
 *
 *   engine ← ports ← app ← cli / taskpane / commands / playground
 *
 * Inside the engine, the pipeline's order:
 *   grid, findings, settings, state, refusal ← parse ← recognise ← model ← evaluate ← validate
 *   ← check ← report ← plan ← compare, rollup, index (the engine's front door)
 * A stage may import any stage to its left, never one to its right. `tests/lint/layers.test.ts`
 * proves the rules bite.
 */

/** Engine stages from the bottom up; each entry is a path pattern under src/engine/. */
const ENGINE_STAGES = [
  "(grid|findings|settings|state|refusal)\\.ts$",
  "parse/",
  "recognise/",
  "model/",
  "evaluate/",
  "validate/",
  "check\\.ts$",
  "report/",
  "plan/",
  "(compare/|rollup/|index\\.ts$)",
];

const engine = (pattern) => `^src/engine/${pattern}`;

/** For each stage, every stage above it is out of bounds. */
const stageRules = ENGINE_STAGES.slice(0, -1).map((stage, i) => ({
  name: `engine-stage-${i}-imports-later-stage`,
  comment: `src/engine/${stage} may only import earlier pipeline stages`,
  severity: "error",
  from: { path: engine(stage) },
  to: { path: ENGINE_STAGES.slice(i + 1).map(engine) },
}));

const SHELLS = "^src/(cli|taskpane|commands|playground)/";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycles, type-only imports included",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "engine-imports-outer-layer",
      comment: "The engine is pure: it imports no port, app or shell",
      severity: "error",
      from: { path: "^src/engine/" },
      to: { path: ["^src/ports/", "^src/app/", SHELLS] },
    },
    {
      name: "port-imports-outer-layer",
      comment: "Ports import only the engine and other port code",
      severity: "error",
      from: { path: "^src/ports/" },
      to: { path: ["^src/app/", SHELLS] },
    },
    {
      name: "app-imports-shell",
      comment: "The app workflow is shared by every shell and imports none of them",
      severity: "error",
      from: { path: "^src/app/" },
      to: { path: SHELLS },
    },
    {
      name: "shells-import-each-other",
      comment: "cli, taskpane and commands stand side by side (the playground hosts the task pane)",
      severity: "error",
      from: { path: "^src/(cli|taskpane|commands)/" },
      to: { path: SHELLS, pathNot: "^src/$1/" },
    },
    ...stageRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^src/",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
