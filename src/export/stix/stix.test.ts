import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventQuery, Store } from "../../store/index.js";
import { exchangeArchive, sink } from "../exchange.fixture.js";
import { exportEvents, loadExchangeTables, uuidv5 } from "../index.js";

const SCHEMAS = fileURLToPath(new URL("../../../test/fixtures/stix-2.1-schemas/", import.meta.url));
const BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

/**
 * Ajv with every STIX 2.1 schema loaded. Formats are not checked (no format plug-in), patterns
 * are; the schemas write `\-` in patterns, which only non-Unicode regular expressions accept.
 */
function stixValidator(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, unicodeRegExp: false });
  for (const folder of ["common", "sdos", "sros", "observables"]) {
    for (const file of readdirSync(join(SCHEMAS, folder))) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS, folder, file), "utf8")) as Record<string, unknown>;
      ajv.addSchema(file === "bundle.json" && folder === "common" ? withEverySdo(schema) : schema);
    }
  }
  return ajv;
}

/** The SDOs of STIX 2.1 that the published bundle schema leaves out of its list of object types. */
const UNLISTED_SDOS = ["grouping", "incident", "location", "note", "opinion"];

/**
 * The bundle schema with the SDOs it omits added to its list, as infrastructure was once added
 * (oasis-open/cti-stix2-json-schemas#133). As published, an omitted SDO can only pass as a custom
 * object, whose `oneOf` of the SDO core and the observable core it matches twice, so every
 * location, note or incident would fail the bundle, valid or not; listed, each is checked against
 * its own schema like the other SDOs.
 */
function withEverySdo(bundle: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(bundle) as { properties: { objects: { items: { anyOf: Array<Record<string, unknown>> } } } };
  const [listed, custom] = copy.properties.objects.items.anyOf as [
    { oneOf: Array<{ $ref: string }> },
    { allOf: [unknown, { properties: { type: { not: { enum: string[] } } } }] },
  ];
  for (const type of UNLISTED_SDOS) {
    listed.oneOf.push({ $ref: `../sdos/${type}.json` });
    custom.allOf[1].properties.type.not.enum.push(type);
  }
  return copy as unknown as Record<string, unknown>;
}

const ajv = stixValidator();
const tables = loadExchangeTables();
let store: Store;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ store, close } = await exchangeArchive());
});
afterAll(async () => close());

type StixObject = { type: string; id: string } & Record<string, unknown>;
interface Bundle { type: string; id: string; objects: StixObject[] }

async function bundle(query: EventQuery = {}, pageSize = 2): Promise<{ text: string; bundle: Bundle; written: number }> {
  const out = sink();
  const written = await exportEvents(store, "stix", query, out, { tables, pageSize });
  const text = out.text();
  return { text, bundle: JSON.parse(text) as Bundle, written };
}

/** The schema errors of `value` against the schema at `path` (relative to schemas/), as lines. */
function errors(path: string, value: unknown): string[] {
  const validate = ajv.getSchema(`${BASE}${path}`);
  if (validate === undefined) throw new Error(`no schema ${path}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ""}`);
}

describe("STIX ids", () => {
  it("are RFC 9562 UUIDv5", () => {
    // The RFC's DNS namespace and a name whose UUIDv5 other implementations agree on.
    expect(uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  });
});

// Compiling the schemas takes seconds on a busy machine.
describe("STIX export", { timeout: 60_000 }, () => {
  it("writes a bundle the STIX 2.1 schemas accept, each object valid for its own type", async () => {
    const { bundle: result, written } = await bundle();
    expect(errors("common/bundle.json", result)).toEqual([]);
    expect(result.objects).toHaveLength(written);
    const schemaOf: Record<string, string> = {
      identity: "sdos/identity.json", "threat-actor": "sdos/threat-actor.json", "intrusion-set": "sdos/intrusion-set.json",
      location: "sdos/location.json", incident: "sdos/incident.json", relationship: "sros/relationship.json",
      note: "sdos/note.json", report: "sdos/report.json",
    };
    for (const object of result.objects) {
      const schema = schemaOf[object.type];
      expect(schema, object.type).toBeDefined();
      expect(errors(schema ?? "", object), `${object.type} ${object.id}`).toEqual([]);
    }
    const ids = result.objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length); // shared actors and places are written once
  });

  it("codes actors by kind, events as incidents tied to their sides and place, claims as notes, documents as reports", async () => {
    const { bundle: result } = await bundle();
    const byId = new Map(result.objects.map((o) => [o.id, o]));
    const named = (type: string, name: string) => result.objects.find((o) => o.type === type && o["name"] === name);
    expect(named("threat-actor", "Hill Front")).toBeDefined();
    expect(named("identity", "Pakistan Air Force")).toMatchObject({ identity_class: "organization", sectors: ["defense"] });
    expect(named("identity", "shoppers")).toMatchObject({ identity_class: "class" });
    const drone = result.objects.find((o) => o.type === "incident" && o["x_sitrep_mode"] === "drone");
    expect(drone).toMatchObject({ first_seen: "2026-01-21T00:00:00.000Z", description: expect.stringMatching(/^A drone struck the Bahram market/) });
    const links = result.objects.filter((o) => o.type === "relationship" && o["source_ref"] === drone?.id)
      .map((o) => [o["relationship_type"], byId.get(String(o["target_ref"]))?.["name"]]);
    expect(links).toEqual([["attributed-to", "Pakistan Air Force"], ["targets", "shoppers"], ["located-at", "Bahram"]]);
    expect(named("location", "Bahram")).toMatchObject({ country: "AF", administrative_area: "Kandahar", latitude: 31.62, longitude: 65.71 });
    const directs = result.objects.find((o) => o.type === "relationship" && o["relationship_type"] === "directs");
    expect([byId.get(String(directs?.["source_ref"]))?.["name"], byId.get(String(directs?.["target_ref"]))?.["name"], directs?.["description"]])
      .toEqual(["Valley Council", "Hill Front", "the Valley Council directs"]);
    expect(result.objects.some((o) => o["relationship_type"] === "at-war-with")).toBe(true);
    const witnesses = result.objects.find((o) => o.type === "note" && (o["authors"] as string[])[0] === "witnesses");
    expect(witnesses).toMatchObject({ content: "witnesses said", labels: ["witness", "hedged"], object_refs: [drone?.id] });
    const reports = result.objects.filter((o) => o.type === "report");
    expect(reports.map((r) => r["name"])).toEqual(["Fighting at the river crossing", "march"]);
    const valleyRefs = reports[0]?.["object_refs"] as string[];
    expect(valleyRefs).toEqual(expect.arrayContaining([drone?.id, witnesses?.id, directs?.id]));
    expect(valleyRefs.every((id) => byId.has(id))).toBe(true);
    expect((reports[1]?.["object_refs"] as string[]).some((id) => byId.get(id)?.type === "incident" && byId.get(id)?.["x_sitrep_plover_type"] === "REQUEST")).toBe(true);
  });

  it("gives the same ids on every export, whatever the page size, and a filtered export a subset of them", async () => {
    const first = await bundle({}, 2);
    const again = await bundle({}, 5);
    expect(again.text).toBe(first.text);
    const pakistan = await bundle({ country: "PAK" });
    const all = new Set(first.bundle.objects.map((o) => o.id));
    expect(pakistan.bundle.id).not.toBe(first.bundle.id);
    expect(pakistan.bundle.objects.every((o) => all.has(o.id))).toBe(true);
    expect(pakistan.bundle.objects.filter((o) => o.type === "incident")).toHaveLength(3); // the request has no place
    expect(pakistan.bundle.objects.filter((o) => o.type === "location")).toHaveLength(2); // Quetta, Balochistan
    expect(errors("common/bundle.json", (await bundle({ country: "XXX" })).bundle)).toEqual([]);
  });
});
