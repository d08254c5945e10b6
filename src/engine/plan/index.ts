export { planWrite, inputChecksum, flagRecords } from "./planWrite";
export type { PlanOptions } from "./planWrite";
export { sheetChecksum, matchesChecksum, specCells, gridCells, canonicalText, sha256 } from "./canonical";
