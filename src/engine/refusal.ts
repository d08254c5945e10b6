/**
 * Work Målkoll declines for a reason the user can act on: a file it cannot read or write safely,
 * or a workbook too large to build tables for. Swedish first, then English; the CLI exits with 2
 * (docs/CONTRACT.md) and the task pane shows the text in the user's language.
 */
export class Refusal extends Error {
  readonly exitCode = 2;
  readonly messageSv: string;
  readonly messageEn: string;

  constructor(messageSv: string, messageEn: string, options?: { cause?: unknown }) {
    super(`${messageSv} / ${messageEn}`, options);
    this.name = "Refusal";
    this.messageSv = messageSv;
    this.messageEn = messageEn;
  }

  text(language: string | undefined): string {
    return language && language.toLowerCase().startsWith("en") ? this.messageEn : this.messageSv;
  }
}
