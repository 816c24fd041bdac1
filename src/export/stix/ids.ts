/**
 * Deterministic STIX identifiers: `type--UUIDv5(namespace, key)` (RFC 9562 §5.5: SHA-1 of the
 * namespace's 16 bytes and the key's UTF-8, version 5 and the RFC variant set). The same fact
 * exported twice gets the same id, so an importer updates it instead of adding a copy.
 */
import { createHash } from "node:crypto";

/** The UUIDv5 of `name` in `namespace` (a UUID string). */
export function uuidv5(namespace: string, name: string): string {
  const bytes = createHash("sha1").update(Buffer.from(namespace.replace(/-/g, ""), "hex")).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A STIX id of `type` for the fact named by `key`. */
export function stixId(namespace: string, type: string, key: string): string {
  return `${type}--${uuidv5(namespace, `${type}|${key}`)}`;
}
