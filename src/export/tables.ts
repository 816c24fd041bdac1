/**
 * The exchange tables of data/exchange/, loaded once per export and checked at the edge: how PLOVER
 * types and modes become ACLED event types, actor kinds ACLED interaction codes and STIX objects,
 * precisions the formats' codes, countries their names and numeric codes.
 */
import { readFileSync } from "node:fs";
import { DataError } from "../core/index.js";

export interface AcledTypeRule {
  /** A PLOVER type, or `*` for any. */
  type: string;
  /** The modes the rule takes; absent: any mode. */
  modes?: string[];
  /** `civilians`: only when every target is of a civilian kind. */
  recipient?: "civilians";
  eventType: string;
  subEventType: string;
}

export interface AcledTable {
  eventTypes: AcledTypeRule[];
  civilianKinds: string[];
  stateKinds: string[];
  inter: Record<string, number>;
  foreignStateInter: number;
  protestInter: { rioters: number; protesters: number; riotModes: string[] };
  geoPrecision: Record<string, number>;
}

export interface UcdpTable {
  types: string[];
  wherePrecision: Record<string, number>;
  datePrecision: Array<{ maxDays: number | null; code: number }>;
  violence: { stateBased: number; nonState: number; oneSided: number };
}

export interface PloverTable {
  quad: Record<string, number>;
  scores: Record<string, number>;
  resolution: Record<string, number>;
  sectors: Record<string, string | null>;
}

export interface StixActorRule {
  type: "identity" | "threat-actor" | "intrusion-set";
  identityClass?: string;
  sectors?: string[];
}

export interface StixTable {
  actors: Record<string, StixActorRule>;
  relations: Record<string, string>;
  /** The namespace of the UUIDv5 ids: the same fact gets the same id in every export. */
  namespace: string;
}

export interface Country { name: string; iso2: string; numeric: number | null }

export interface ExchangeTables {
  acled: AcledTable;
  ucdp: UcdpTable;
  plover: PloverTable;
  stix: StixTable;
  countries: Map<string, Country>;
}

const DEFAULT_DIR = new URL("../../data/exchange/", import.meta.url);

function readJson(dir: URL, name: string): Record<string, unknown> {
  const url = new URL(name, dir);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(url, "utf8"));
  } catch (error) {
    throw new DataError(`data/exchange/${name}`, error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new DataError(`data/exchange/${name}`, "not a JSON object");
  return parsed as Record<string, unknown>;
}

/** `object[key]` when it is an object (or array, with `array`), else a DataError naming the file and key. */
function field<T>(file: string, object: Record<string, unknown>, key: string, array = false): T {
  const value = object[key];
  if (typeof value !== "object" || value === null || Array.isArray(value) !== array) {
    throw new DataError(`data/exchange/${file}`, `"${key}" must be ${array ? "an array" : "an object"}`);
  }
  return value as T;
}

/** Loads data/exchange/ (or `dir`). */
export function loadExchangeTables(dir: URL = DEFAULT_DIR): ExchangeTables {
  const acled = readJson(dir, "acled.json");
  const ucdp = readJson(dir, "ucdp.json");
  const plover = readJson(dir, "plover.json");
  const stix = readJson(dir, "stix.json");
  const countries = readJson(dir, "countries.json");
  const rules = field<AcledTypeRule[]>("acled.json", acled, "eventTypes", true);
  if (!rules.some((r) => r.type === "*" && r.modes === undefined && r.recipient === undefined)) {
    throw new DataError("data/exchange/acled.json", `"eventTypes" must end with a rule for type "*"`);
  }
  const namespace = stix["namespace"];
  if (typeof namespace !== "string" || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(namespace)) {
    throw new DataError("data/exchange/stix.json", `"namespace" must be a UUID`);
  }
  return {
    acled: {
      eventTypes: rules,
      civilianKinds: field<string[]>("acled.json", acled, "civilianKinds", true),
      stateKinds: field<string[]>("acled.json", acled, "stateKinds", true),
      inter: field("acled.json", acled, "inter"),
      foreignStateInter: Number(acled["foreignStateInter"]),
      protestInter: field("acled.json", acled, "protestInter"),
      geoPrecision: field("acled.json", acled, "geoPrecision"),
    },
    ucdp: {
      types: field<string[]>("ucdp.json", ucdp, "types", true),
      wherePrecision: field("ucdp.json", ucdp, "wherePrecision"),
      datePrecision: field("ucdp.json", ucdp, "datePrecision", true),
      violence: field("ucdp.json", ucdp, "violence"),
    },
    plover: {
      quad: field("plover.json", plover, "quad"),
      scores: field("plover.json", plover, "scores"),
      resolution: field("plover.json", plover, "resolution"),
      sectors: field("plover.json", plover, "sectors"),
    },
    stix: { actors: field("stix.json", stix, "actors"), relations: field("stix.json", stix, "relations"), namespace },
    countries: new Map(Object.entries(field<Record<string, Country>>("countries.json", countries, "countries"))),
  };
}
