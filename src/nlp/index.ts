export { analyze } from "./analyze.js";
export type { AnalyzedText, Sentence, Token } from "./analyze.js";
