import type { CliIo } from "./io";

const WIDTH = 30;
const REDRAW_MS = 100;

/**
 * A one-line progress bar on a terminal (`Läser [#####.....] 120/1000`), redrawn at most ten
 * times a second and wiped when done; nothing at all when stderr is a file or a pipe.
 */
export function progressBar(io: CliIo, label: string) {
  let drawn = 0;
  let shown = false;
  return {
    update(done: number, total: number): void {
      if (!io.errIsTerminal) return;
      const now = Date.now();
      if (done < total && now - drawn < REDRAW_MS) return;
      drawn = now;
      shown = true;
      const filled = Math.round((WIDTH * done) / Math.max(1, total));
      io.err(`\r${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${done}/${total}`);
    },
    done(): void {
      if (shown) io.err("\r\x1b[K");
    },
  };
}
