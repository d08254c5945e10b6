const os = require("os");

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default (cores − 1) is one worker on a two-core machine, where the main process mostly
  // waits: two workers there, and cores − 1 where there are more.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testMatch: ["<rootDir>/tests/**/*.test.ts", "<rootDir>/tests/**/*.test.tsx"],
  transform: {
    // Type checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  testEnvironment: "node",
  testSequencer: "<rootDir>/tests/sequencer.js",
  testTimeout: 60000,
  reporters: ["<rootDir>/tests/default-reporter.js", "<rootDir>/tests/summary-reporter.js"],
  moduleNameMapper: {
    "\\.(css)$": "<rootDir>/tests/helpers/style-stub.js",
  },
};
