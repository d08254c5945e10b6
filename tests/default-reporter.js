/** Jest's per-file progress reporter (the "default" reporter minus its summary, see summary-reporter.js). */
module.exports = require("@jest/reporters").DefaultReporter;
