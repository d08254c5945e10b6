/** Refusals are an engine-level type, so the ports can raise them too (see engine/refusal). */
export { Refusal } from "../engine/refusal";
