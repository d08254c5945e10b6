/**
 * Jest's order, but on a clone without jest's timings (CI, a new machine) the browser walks in
 * tests/e2e start first. Without timings jest orders by file size, and those are short files that
 * run longest (minutes each): started last, one worker finished alone while the other stood idle.
 */
"use strict";

const Sequencer = require("@jest/test-sequencer").default;

const BROWSER = /[\\/]tests[\\/]e2e[\\/]/;

class BrowserWalksFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const first = sorted.filter((test) => test.duration == null && BROWSER.test(test.path));
    return [...first, ...sorted.filter((test) => !first.includes(test))];
  }
}

module.exports = BrowserWalksFirst;
