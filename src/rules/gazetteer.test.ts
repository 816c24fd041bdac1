/**
 * Checks the built gazetteer under data/gazetteer/: that names resolve to the places meant and
 * that their points sit where the build says (see scripts/build-gazetteer.mjs).
 */
import { describe, expect, it } from "vitest";
import { loadGazetteer, normaliseName, type GazEntry } from "./gazetteer.js";

const gaz = loadGazetteer();
const km = (a: { lat: number; lon: number }, b: [number, number]): number => {
  const r = Math.PI / 180;
  const h = Math.sin(((b[0] - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b[0] * r) * Math.sin(((b[1] - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};
const one = (name: string, kind: GazEntry["kind"], country: string, admin1?: string): GazEntry => {
  const e = gaz.lookup(normaliseName(name))
    .find((x) => x.kind === kind && x.country === country && (admin1 === undefined || x.admin1 === admin1));
  if (!e) throw new Error(`${name}: no ${kind} in ${country}`);
  return e;
};

describe("division names", () => {
  it("finds admin2 names that GeoNames writes with the generic word first", () => {
    // "Município Cazenga" (Luanda), "Kabupaten Sukoharjo": news writes the bare name.
    expect(gaz.lookup(normaliseName("Cazenga")).some((e) => e.kind === "admin2" && e.country === "AGO")).toBe(true);
    expect(gaz.lookup(normaliseName("Sukoharjo")).some((e) => e.kind === "admin2" && e.country === "IDN")).toBe(true);
  });
});

describe("division points", () => {
  it("puts a large, thinly settled province in its middle, not among its southern towns", () => {
    // Ontario's towns crowd along the Great Lakes, below 47°N; the province reaches past 56°N.
    expect(one("Ontario", "admin1", "CAN").lat).toBeGreaterThan(49);
  });

  it("gives a county named after no town a point among its own towns", () => {
    // Clark County, Nevada: Las Vegas and its suburbs, 300 km from the middle of the state.
    expect(km(one("Clark County", "admin2", "USA", "Nevada"), [36.17, -115.14])).toBeLessThan(60);
  });

  it("places counties that Natural Earth draws (the UK's) on their own outline", () => {
    // Cornwall is England's south-western tip, far from England's middle.
    expect(one("Cornwall", "admin2", "GBR").lon).toBeLessThan(-4.5);
  });
});

describe("country points", () => {
  it("keeps a country's point near the reference point when outline and reference agree", () => {
    // Kenya: Factbook 1°N 38°E; its outline's centre is ~55 km away, so the point stays.
    const ken = one("Kenya", "country", "KEN");
    expect([ken.lat, ken.lon]).toEqual([1, 38]);
  });

  it("moves a point toward the outline's centre where the two are far apart, by 100 km at most", () => {
    // Indonesia: the Factbook point lies in the Flores Sea, ~430 km from the centre of its islands.
    const idn = one("Indonesia", "country", "IDN");
    const d = km(idn, [-5, 120]);
    expect(d).toBeGreaterThan(90);
    expect(d).toBeLessThan(110);
  });
});

describe("demonyms", () => {
  it("tells the words that begin demonyms of several words", () => {
    expect(gaz.beginsDemonym("North")).toBe(true);
    expect(gaz.beginsDemonym("Sri")).toBe(true);
    expect(gaz.beginsDemonym("Prime")).toBe(false);
  });
});

describe("name starts", () => {
  it("tells the words that begin no name from those that begin one as written, normalised or folded", () => {
    expect(gaz.nameStart("Minister")).toEqual({ exact: false, name: false, folded: false });
    expect(gaz.nameStart("DRC")).toMatchObject({ exact: true });
    expect(gaz.nameStart("Hong")).toMatchObject({ name: true });
    // "St" begins "Saint ..." names, "People's" the "People's Republic of China"
    expect(gaz.nameStart("St")).toMatchObject({ name: true });
    expect(gaz.nameStart("People's")).toMatchObject({ name: true });
    // held as "Kostyantynivka", found for "Kostiantynivka" only by its folded spelling
    expect(gaz.nameStart("Kostiantynivka")).toMatchObject({ name: false, folded: true });
  });
});
