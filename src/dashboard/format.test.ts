import { describe, expect, it } from "vitest";
import { deaths, deathsLabel, placeLabel } from "./format.js";

describe("event labels", () => {
  it("says a repeated place name once", () => {
    expect(placeLabel({ place: "Segou", admin1: "Segou", country: "MLI" })).toBe("Segou, MLI");
    expect(placeLabel({ place: "Niono", admin1: "Segou", country: "MLI" })).toBe("Niono, Segou, MLI");
    expect(placeLabel({ place: null, admin1: null, country: "SDN" })).toBe("SDN");
  });

  it("writes tolls as ranges, lower bounds or nothing", () => {
    expect(deathsLabel({ fatalitiesLow: 12, fatalitiesHigh: 15 })).toBe("12–15");
    expect(deathsLabel({ fatalitiesLow: 3, fatalitiesHigh: null })).toBe("≥3");
    expect(deathsLabel({ fatalitiesLow: 4, fatalitiesHigh: 4 })).toBe("4");
    expect(deathsLabel({ fatalitiesLow: null, fatalitiesHigh: null })).toBe("");
    expect(deaths({ fatalitiesLow: 3, fatalitiesHigh: null })).toBe(3);
    expect(deaths({ fatalitiesLow: 12, fatalitiesHigh: 15 })).toBe(15);
  });
});
