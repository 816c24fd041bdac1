export * from "./record.js";
export * from "./errors.js";
