/**
 * Colours of PLOVER types, actor kinds and relation kinds. Conflictual types are warm (the
 * material ones darkest: ASSAULT, COERCE), cooperative types cool, so a map reads at a glance.
 */
import { PLOVER_TYPES, type PloverType } from "../core/record.js";

export const TYPE_COLORS: Readonly<Record<PloverType, string>> = {
  AGREE: "#4e79a7",
  CONSULT: "#76b7e5",
  SUPPORT: "#59a14f",
  CONCEDE: "#8cd17d",
  COOPERATE: "#2f8f83",
  AID: "#86bcb6",
  RETREAT: "#b6992d",
  REQUEST: "#9d7660",
  ACCUSE: "#f1ce63",
  REJECT: "#d4a6c8",
  THREATEN: "#f28e2b",
  PROTEST: "#b07aa1",
  SANCTION: "#ff9d9a",
  MOBILIZE: "#e15759",
  COERCE: "#a4161a",
  ASSAULT: "#5c0a0e",
};

const OTHER = "#888888";

/** A type's colour; grey for a key that is no PLOVER type. */
export function typeColor(type: string | null): string {
  return (PLOVER_TYPES as readonly string[]).includes(type ?? "") ? TYPE_COLORS[type as PloverType] : OTHER;
}

/**
 * How the network draws each edge kind. `directs` and `sponsors` (control and backing, the
 * relations an analyst looks for first) are thick, dark and arrowed; the others thinner.
 */
export const EDGE_STYLES: Readonly<Record<string, { color: string; dash: string | null; width: number; label: string }>> = {
  directs: { color: "#6a00a8", dash: null, width: 3.5, label: "directs" },
  sponsors: { color: "#d95f02", dash: "7 4", width: 3, label: "sponsors" },
  supports: { color: "#1b9e77", dash: "2 3", width: 1.5, label: "supports" },
  allied_with: { color: "#1b9e77", dash: null, width: 1.5, label: "allied with" },
  opposes: { color: "#b8860b", dash: "4 3", width: 1.5, label: "opposes" },
  at_war_with: { color: "#c00000", dash: "1 3", width: 2, label: "at war with" },
  part_of: { color: "#555555", dash: "6 2 1 2", width: 1.5, label: "part of" },
};

export const KIND_COLORS: Readonly<Record<string, string>> = {
  state: "#4e79a7",
  government: "#4e79a7",
  military: "#59606b",
  police: "#76b7e5",
  intelligence: "#6a00a8",
  armed_group: "#c00000",
  political_party: "#b07aa1",
  civilians: "#59a14f",
  igo: "#2f8f83",
  ngo: "#8cd17d",
  person: "#9d7660",
  media: "#f1ce63",
  business: "#b6992d",
};

export function kindColor(kind: string | null): string {
  return KIND_COLORS[kind ?? ""] ?? OTHER;
}
