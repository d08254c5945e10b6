/**
 * A workbook the .xlsx port cannot read or write safely. Carries the CLI's exit code 2
 * (CONTRACT.md) and a message in Swedish first, then English.
 */
export class XlsxPortError extends Error {
  readonly exitCode = 2;
  readonly messageSv: string;
  readonly messageEn: string;

  constructor(messageSv: string, messageEn: string, options?: { cause?: unknown }) {
    super(`${messageSv} / ${messageEn}`, options);
    this.name = "XlsxPortError";
    this.messageSv = messageSv;
    this.messageEn = messageEn;
  }
}
