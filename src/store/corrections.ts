/**
 * Corrections applied on read: the names an actor query means (its aliases, the actors merged
 * into it), the name an actor is shown under (merges followed), and whether events marked wrong
 * must be left out. Built from the stored corrections at each read, so they hold whatever
 * extractor made the rows.
 */
import type { StoredCorrection } from "./store.js";

/** Merges or aliases deeper than this are a loop, not a chain. */
const MAX_CHAIN = 16;

export class CorrectionMap {
  /** Lower-cased alias → the actor's name as written. */
  readonly #alias = new Map<string, string>();
  /** Lower-cased merged name → the name it was merged into, as written. */
  readonly #merge = new Map<string, string>();
  /** Whether any event is marked wrong. */
  readonly hidesEvents: boolean;
  readonly #names: string[];

  constructor(corrections: readonly StoredCorrection[]) {
    for (const c of corrections) {
      if (c.kind === "alias" && c.actor !== null && c.alias !== null) this.#alias.set(c.alias.toLowerCase(), c.actor);
      if (c.kind === "merge-actors" && c.from !== null && c.into !== null) this.#merge.set(c.from.toLowerCase(), c.into);
    }
    this.hidesEvents = corrections.some((c) => c.kind === "event-wrong");
    this.#names = [...this.#alias.keys(), ...this.#alias.values(), ...this.#merge.keys(), ...this.#merge.values()].map((n) => n.toLowerCase());
  }

  /** Whether any actor name is corrected. */
  get renames(): boolean {
    return this.#merge.size > 0 || this.#alias.size > 0;
  }

  /** The name `name` is shown under: the actor it was merged into, if any (followed to the end). */
  display(name: string): string {
    let current = name;
    for (let i = 0; i < MAX_CHAIN; i++) {
      const next = this.#merge.get(current.toLowerCase());
      if (next === undefined || next.toLowerCase() === current.toLowerCase()) return current;
      current = next;
    }
    return current;
  }

  /** The actor a name or alias stands for, as `display` shows it. */
  resolve(name: string): string {
    return this.display(this.#alias.get(name.toLowerCase()) ?? name);
  }

  #target(name: string): string {
    return this.resolve(name).toLowerCase();
  }

  /** Every lower-cased name that stands for the same actor as `name` (itself first). */
  namesFor(name: string): string[] {
    const target = this.#target(name);
    const names = new Set([name.toLowerCase(), target]);
    for (const other of this.#names) if (this.#target(other) === target) names.add(other);
    return [...names];
  }

  /** Every name a merge moves or receives, lower-cased (empty when nothing is merged). */
  mergedNames(): string[] {
    return [...new Set([...this.#merge.keys(), ...[...this.#merge.values()].map((n) => n.toLowerCase())])];
  }

  /** Aliases the corrections give the actor shown as `name`. */
  aliasesOf(name: string): string[] {
    const target = name.toLowerCase();
    return [...this.#alias].filter(([, actor]) => this.display(actor).toLowerCase() === target).map(([alias]) => alias);
  }

  /** Merged names shown as `name`, lower-cased. */
  mergedInto(name: string): string[] {
    const target = name.toLowerCase();
    return [...this.#merge.keys()].filter((from) => this.display(from).toLowerCase() === target);
  }
}
