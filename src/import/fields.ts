/**
 * Cells of another dataset's row read as facts: days, numbers, lists of names, countries. A cell
 * that cannot be read is an InputError naming the file, the line and the column.
 */
import { readFileSync } from "node:fs";
import { InputError } from "../core/index.js";
import type { ExchangeTables } from "../export/index.js";
import type { CsvRecord } from "./csv-file.js";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Reads the cells of one record of `file`. */
export class RowReader {
  readonly #file: string;
  readonly #record: CsvRecord;
  constructor(file: string, record: CsvRecord) {
    this.#file = file;
    this.#record = record;
  }

  #fail(column: string, reason: string): never {
    throw new InputError(this.#file, this.#record.line, `${column}: ${reason}`);
  }

  has(column: string): boolean {
    return column in this.#record.fields;
  }

  /** The cell, trimmed; null when empty or absent. */
  text(...columns: string[]): string | null {
    for (const column of columns) {
      const value = this.#record.fields[column]?.trim();
      if (value !== undefined && value !== "") return value;
    }
    return null;
  }

  /** A day: `2026-01-20`, `2026-01-20 00:00:00.000` (UCDP), `20 January 2026` (ACLED's older files). */
  day(column: string): string | null {
    const value = this.text(column);
    if (value === null) return null;
    const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+Z?)?$/.exec(value);
    const written = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(value);
    let y: number, m: number, d: number;
    if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else if (written) [y, m, d] = [Number(written[3]), MONTHS.indexOf(written[2]?.toLowerCase() ?? "") + 1, Number(written[1])];
    else this.#fail(column, `not a date "${value}"`);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (m < 1 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) this.#fail(column, `not a date "${value}"`);
    return date.toISOString().slice(0, 10);
  }

  /** A number, or null when the cell is empty. */
  number(column: string): number | null {
    const value = this.text(column);
    if (value === null) return null;
    const n = Number(value);
    if (!Number.isFinite(n)) this.#fail(column, `not a number "${value}"`);
    return n;
  }

  /** A whole number not below zero, or null when the cell is empty. */
  count(column: string): number | null {
    const n = this.number(column);
    if (n !== null && !(Number.isInteger(n) && n >= 0)) this.#fail(column, `not a count "${this.text(column)}"`);
    return n;
  }

  /** Names in the cells, each cell a list separated by "; " (ACLED's associated actors). */
  names(...columns: string[]): string[] {
    return columns.flatMap((c) => (this.text(c) ?? "").split(";")).map((n) => n.trim()).filter(Boolean);
  }
}

/** Country names and codes → ISO 3166-1 alpha-3. */
export class CountryIndex {
  readonly #byNumber = new Map<number, string>();
  readonly #byName = new Map<string, string>();

  constructor(tables: ExchangeTables, gazetteer: URL = new URL("../../data/gazetteer/countries.json", import.meta.url)) {
    for (const [iso3, c] of tables.countries) {
      if (c.numeric !== null) this.#byNumber.set(c.numeric, iso3);
      this.#byName.set(key(c.name), iso3);
      this.#byName.set(key(iso3), iso3);
    }
    // The gazetteer's names and variants ("Democratic Republic of the Congo", "Burma", "Türkiye").
    const data = JSON.parse(readFileSync(gazetteer, "utf8")) as { countries: Array<{ iso3: string; name: string; names: string[] }> };
    for (const c of data.countries) for (const name of [c.name, ...c.names]) if (!this.#byName.has(key(name))) this.#byName.set(key(name), c.iso3);
  }

  /** The country a row names: by ISO3 code, ISO numeric code, or name (a UCDP "(former name)" dropped). */
  find(iso3: string | null, numeric: number | null, name: string | null): string | null {
    if (iso3 !== null && this.#byName.get(key(iso3)) === iso3.toUpperCase()) return iso3.toUpperCase();
    if (numeric !== null) {
      const found = this.#byNumber.get(numeric);
      if (found !== undefined) return found;
    }
    if (name === null) return null;
    return this.#byName.get(key(name)) ?? this.#byName.get(key(name.replace(/\s*\(.*\)\s*$/, ""))) ?? null;
  }
}

const key = (name: string): string => name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/^the\s+/, "").replace(/[^a-z0-9]+/g, " ").trim();
