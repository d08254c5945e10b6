/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/tests/**/*.test.ts", "<rootDir>/tests/**/*.test.tsx"],
  transform: {
    // Type checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  testEnvironment: "node",
  testTimeout: 60000,
  reporters: ["<rootDir>/tests/default-reporter.js", "<rootDir>/tests/summary-reporter.js"],
  moduleNameMapper: {
    "\\.(css)$": "<rootDir>/tests/helpers/style-stub.js",
  },
};
