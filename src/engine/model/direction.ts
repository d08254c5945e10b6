/** The words a `Riktning` cell (or a stored override) uses for an indicator's direction. */
import { matchKey } from "../parse/text";
import type { Direction } from "./types";

const DIRECTION_WORDS: Record<string, Direction> = {
  hogre: "higher",
  hogrearbattre: "higher",
  hog: "higher",
  higher: "higher",
  up: "higher",
  okande: "higher",
  "+": "higher",
  lagre: "lower",
  lagrearbattre: "lower",
  lag: "lower",
  lower: "lower",
  down: "lower",
  minskande: "lower",
  "-": "lower",
  band: "band",
  intervall: "band",
  max: "max",
  tak: "max",
  oka: "increase",
  increase: "increase",
};

/** `Högre är bättre`, `lägre`, `+`, `-`, `Max`, `öka`, … as a direction; null when it names none. */
export function parseDirection(text: string): Direction | null {
  const key = matchKey(text);
  if (!key) return text.trim() === "+" ? "higher" : text.trim() === "-" ? "lower" : null;
  return DIRECTION_WORDS[key] ?? null;
}
