export * from "./record.js";
export * from "./errors.js";
export * from "./sentence.js";
export * from "./record-json.js";
