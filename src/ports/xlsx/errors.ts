import { Refusal } from "../../engine/refusal";

/** A workbook the .xlsx port cannot read or write safely (exit code 2, Swedish and English). */
export class XlsxPortError extends Refusal {
  constructor(messageSv: string, messageEn: string, options?: { cause?: unknown }) {
    super(messageSv, messageEn, options);
    this.name = "XlsxPortError";
  }
}
