#!/usr/bin/env node
/**
 * Builds data/patterns/verbs.json from PETRARCH2's CAMEO.verbpatterns file.
 *
 *   node scripts/build-verbs.mjs [dictionaries-folder]
 *
 * The folder defaults to ../shared/data/petrarch-dictionaries relative to the repo root. Each
 * verb lemma gets its block's (or its own) CAMEO code mapped to a PLOVER type and mode; the block's
 * patterns become `phrases` keyed by the literal words after the verb. See data/FORMATS.md
 * (patterns/) for the output shape and data/patterns/SOURCE.md for the decisions recorded here.
 * Plain Node, no dependencies.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DICT_DIR = resolve(process.argv[2] ?? join(ROOT, "..", "shared", "data", "petrarch-dictionaries"));
const OUT = join(ROOT, "data", "patterns", "verbs.json");
const CURATED = join(ROOT, "data", "patterns", "curated-verbs.json");

/**
 * Lemmas the curated file defines. A curated entry replaces the built one, phrases included; the
 * built file leaves those lemmas out so that no loader can let a stale PETRARCH phrase
 * ("deploy ... armed forces" as AID) outrank the correction. The curated file is only read.
 */
function curatedLemmas() {
  if (!existsSync(CURATED)) return new Set();
  const doc = JSON.parse(readFileSync(CURATED, "utf8"));
  return new Set((doc.verbs ?? []).map((v) => String(v.lemma).toLowerCase()));
}

/**
 * Verbs too generic to be an event on their own: the extractor would code every "said", "took",
 * "called". Their own code is dropped; phrases survive only when they name at least two content
 * words ("announce humanitarian aid", "say ... behind the attack").
 */
const GENERIC = new Set([
  "say", "tell", "be", "have", "make", "go", "take", "get", "come", "see", "announce", "report",
  "give", "put", "keep", "hold", "leave", "find", "know", "think", "show", "bring", "send", "move",
  "run", "set", "let", "use", "do", "call", "want", "need", "allow", "begin", "start", "continue",
  "follow", "hit", "match", "pit", "conflict", "struggle", "compete", "contend", "contrast",
  "state", "express", "mention", "describe", "explain", "comment", "note", "add", "claim", "die",
  "lose", "win", "speak", "talk", "write", "stand", "step", "pass", "arrive", "return", "enter",
  "cross", "fly", "drive", "carry", "lead", "control", "press", "push", "ask", "hear", "consider",
  "communicate", "inform", "remark", "refer", "cite", "detail", "define", "convey", "submit",
  "open", "close", "end", "stop", "finish", "fall", "drop", "raise", "rise", "pay", "spend",
  "plan", "prepare", "mark", "target", "register", "file", "share", "receive", "greet",
  "attend", "join", "link", "tie", "bind", "merge", "unify", "lock", "form", "build", "grow",
  "deal", "work", "serve", "act", "cover", "face", "feel", "look", "watch",
]);

/**
 * Most synsets are a handful of words (&CEASEFIRE: truce, armistice, ...), but &WEAPON, &AIRCRAFT
 * and &CURRENCY list around a hundred: expanded, and crossed with another synset, they turned one
 * pattern into thousands of phrases ("killed in knives feud"). Patterns whose expansion passes this
 * bound are dropped; weapons select modes through modes.json instead.
 */
const MAX_EXPANSION = 20;

/**
 * Synonyms the dictionary inherited from WordNet that do not carry their block's event sense in
 * news text: "inhabit", "reside" and "suffer" sit in an ASSAULT block, "gather" and "learn" in
 * CONSULT, "order", "issue" and "provide" in COOPERATE, "reveal" and "organize" in SUPPORT. Each
 * was read against the block it sits in; they are treated like the generic verbs. Corrections of
 * type (agree -> AGREE, withdraw -> RETREAT, ...) are in curated-verbs.json, not here.
 */
const LOOSE = new Set([
  // ACCUSE
  "argue", "aver", "avow", "brand", "breach", "challenge", "compensate", "contest", "contradict",
  "contravene", "counter", "counterbalance", "cry", "debase", "defile", "degrade", "despair",
  "differ", "disappoint", "discourage", "disgust", "dishearten", "dismiss", "dissent", "grieve",
  "humble", "humiliate", "infract", "lecture", "mock", "mourn", "offend", "outrage", "pique",
  "regret", "sadden", "scandalise", "scandalize", "shock", "slight", "stun", "stupefy", "swear",
  "transgress", "wail", "weep", "whine", "wrangle", "crucify", "blaspheme", "abhor", "appall",
  "analyse", "ascertain", "check", "comb", "dig", "explore", "mine", "monitor", "rake", "research",
  "scan", "search", "skim", "spy", "study", "sweep", "unearth",
  // AGREE, AID
  "assure", "certify", "ensure", "guarantee", "intend", "mean", "resurrect", "resuscitate",
  "revive", "signal", "subscribe", "vouch", "comply", "interfere", "intervene", "stabilise",
  "stabilize",
  // ASSAULT
  "aim", "best", "break", "circle", "contaminate", "corrupt", "crack", "damage", "dominate",
  "engage", "harm", "impair", "infest", "inhabit", "mar", "master", "overcome", "overshadow",
  "overtake", "reside", "ring", "ruin", "spoil", "suffer", "surmount", "surround", "tarnish",
  "tear", "trample", "vitiate", "desolate", "quarrel", "altercate", "disarm", "lash", "blow",
  "wrestle", "kick", "hurt", "defeat", "shatter", "hammer", "thump", "clobber", "ravage", "ravish",
  "reave", "devastate", "decimate", "eradicate", "overwhelm", "ram", "bruise", "bust", "abuse",
  "combat", "duel", "grapple", "assail",
  // COERCE
  "bill", "cage", "compel", "constrain", "contain", "enclose", "enforce", "exclude", "force",
  "impel", "inflict", "levy", "moderate", "penalize", "pressure", "reinforce", "restrain",
  "segregate", "shun", "block", "curb", "ostracise", "ostracize", "remove", "oust", "tax",
  "appropriate", "catch", "extract", "overturn", "pluck", "pull", "revolutionise", "revolutionize",
  "subvert", "grab", "snatch", "pirate",
  // CONCEDE
  "abide", "bide", "clear", "detach", "disconnect", "disentangle", "empower", "enable", "fill",
  "include", "intercede", "intermediate", "legislate", "obey", "recede", "resettle", "resolve",
  "retire", "satisfy", "settle", "tease", "tolerate", "undo", "untie", "unloose", "verify",
  "approve", "authorise", "authorize", "permit", "countenance", "succumb", "abstain",
  // CONSULT
  "acquaint", "amass", "apprise", "apprize", "approach", "assemble", "brave", "cluster",
  "confront", "conglomerate", "congregate", "conjoin", "constellate", "contemplate", "converge",
  "debate", "depart", "egress", "elicit", "embark", "encounter", "excogitate", "flock", "gather",
  "huddle", "innovate", "insert", "interact", "introduce", "journey", "learn", "meditate", "mull",
  "muse", "notify", "ponder", "promulgate", "reason", "reconsider", "reinvite", "ruminate",
  "speculate", "tour", "travel", "unite", "utter", "verbalise", "verbalize", "weigh", "converse",
  "cable",
  // COOPERATE
  "abate", "accord", "administer", "allocate", "allot", "ameliorate", "amplify", "appease",
  "apportion", "assign", "assuage", "attach", "attire", "augment", "award", "benefit", "bequeath",
  "bestow", "better", "blend", "boost", "buy", "chain", "coalesce", "combine", "command",
  "compound", "conduct", "conflate", "connect", "constitute", "deepen", "dictate", "direct", "ease",
  "enact", "endow", "enhance", "enjoin", "enlarge", "enlist", "enroll", "entrust", "escalate",
  "establish", "exaggerate", "expand", "expediate", "facilitate", "found", "furnish", "fuse",
  "gear", "govern", "grant", "handle", "head", "heighten", "help", "import", "improve", "increase",
  "institute", "intensify", "invest", "issue", "magnify", "manage", "mitigate", "order", "outfit",
  "oversee", "prescribe", "provide", "purchase", "re-establish", "redouble", "regulate", "relate",
  "render", "rule", "simplify", "sponsor", "steer", "stock", "supervise", "supervize", "task",
  "tender", "underwrite",
  // MOBILIZE, PROTEST
  "garner", "agonise", "agonize", "annoy", "arouse", "badger", "bother", "discomfit", "disconcert",
  "disquiet", "disturb", "enkindle", "harass", "harry", "hassle", "irk", "irritate", "pester",
  "plague", "provoke", "rag", "torment", "upset", "vex",
  // REJECT, REQUEST
  "decline", "defect", "defer", "delay", "forestall", "hamper", "hinder", "impede", "inhibit",
  "override", "prevent", "procrastinate", "remit", "retard", "stall", "stymie", "table",
  "obstruct", "bid", "campaign", "crusade", "decree", "necessitate",
  // SANCTION
  "betray", "countermine", "deceive", "disarray", "disorder", "disrupt", "snitch", "undermine",
  "sabotage", "disband",
  // SUPPORT
  "admire", "admit", "advertise", "advertize", "affect", "affirm", "ally", "associate", "barter",
  "bless", "celebrate", "cheer", "clap", "commemorate", "concert", "confess", "confide", "conform",
  "conspire", "contrive", "correlate", "divulge", "embolden", "enliven", "esteem", "exalt",
  "excuse", "expose", "exuberate", "exult", "favor", "favour", "forgive", "formalize",
  "galvanize", "glorify", "haggle", "harmonise", "harmonize", "honor", "honour", "impact",
  "influence", "inspire", "integrate", "invigorate", "orchestrate", "organise", "organize",
  "persuade", "prefer", "prize", "profess", "promote", "reassert", "reassure", "reckon",
  "recognise", "recognize", "reinstate", "rejoice", "respect", "reveal", "revitalize", "reward",
  "rouse", "sanctify", "scheme", "spur", "synchronise", "synchronize", "tempt", "toast", "triumph",
  "understand", "unionise", "unionize", "unveil",
  // THREATEN
  "caution", "endanger",
]);

/** Nouns written as verb lines in the 2015 file. */
const NOT_VERBS = new Set(["concession", "backlash", "summit", "crackdown"]);

/** Function words, for judging whether a phrase under a generic verb says enough. */
const FUNCTION_WORDS = new Set([
  "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "over", "as",
  "and", "or", "that", "this", "it", "its", "his", "her", "their", "was", "were", "is", "are", "be",
  "been", "has", "have", "had", "will", "would", "not", "no", "up", "out", "off", "down", "about",
]);

/** Inflected verb words in some PETRARCH multi-word entries ("+KILLED_AND {}"), as base forms. */
const BASE_FORM = {
  attacked: "attack", shot: "shoot", killed: "kill", kidnapped: "kidnap", angered: "anger",
  called: "call", shaken: "shake", winding: "wind", overthrew: "overthrow", arrested: "arrest",
  touring: "tour", oversaw: "oversee", injured: "injure", saw: "see", rallied: "rally",
  threw: "throw", satify: "satisfy", burnt: "burn", forgave: "forgive", forgiven: "forgive",
  scof: "scoff",
};

// ---------------------------------------------------------------- CAMEO -> PLOVER

/**
 * CAMEO code -> {type, mode}, or null when PLOVER drops it (01, 02, the null code ---).
 * Root codes follow the table in the dictionaries' SOURCE.md / PLOVER manual; the mode comes from
 * the 3- or 4-digit code where the manual's mode tables name that action. Three codes move to the
 * type whose mode the manual gives them (documented in data/patterns/SOURCE.md):
 * 116 find guilty -> SANCTION convict; 1712 destroy property -> ASSAULT destroy;
 * 191 impose blockade, restrict movement -> COERCE restrict.
 */
const MODE_BY_CODE = [
  // CONSULT
  ["041", "CONSULT", "phone"], ["042", "CONSULT", "visit"], ["043", "CONSULT", "visit"],
  ["044", "CONSULT", "third-party"], ["045", "CONSULT", "third-party"],
  // RETREAT (084-087); 0842 return property has no mode of its own
  ["0841", "RETREAT", "release"], ["084", "RETREAT", null],
  ["086", "RETREAT", "access"],
  ["0871", "RETREAT", "ceasefire"], ["0873", "RETREAT", "disarm"], ["0874", "RETREAT", "withdraw"],
  // ACCUSE: every investigation (09) is ACCUSE investigate
  ["09", "ACCUSE", "investigate"],
  ["110", "ACCUSE", "disapprove"], ["111", "ACCUSE", "disapprove"], ["112", "ACCUSE", "allege"],
  ["113", "ACCUSE", "disapprove"], ["114", "ACCUSE", "disapprove"], ["115", "ACCUSE", "allege"],
  ["116", "SANCTION", "convict"],
  // REQUEST / REJECT share modes
  ["101", "REQUEST", "assist"], ["102", "REQUEST", "assist"], ["103", "REQUEST", "assist"],
  ["104", "REQUEST", "change"], ["105", "REQUEST", "yield"], ["106", "REQUEST", "meet"],
  ["107", "REQUEST", "meet"], ["108", "REQUEST", "meet"],
  ["121", "REJECT", "assist"], ["122", "REJECT", "assist"], ["123", "REJECT", "change"],
  ["124", "REJECT", "yield"], ["125", "REJECT", "meet"], ["126", "REJECT", "meet"],
  // THREATEN: the mode is the content of the threat
  ["1311", "THREATEN", "relations"], ["1312", "THREATEN", "restrict"], ["1313", "THREATEN", "relations"],
  ["132", "THREATEN", "restrict"], ["134", "THREATEN", "relations"], ["135", "THREATEN", "relations"],
  ["136", "THREATEN", "expel"], ["137", "THREATEN", "violence"],
  ["1381", "THREATEN", "restrict"], ["1382", "THREATEN", "territory"], ["138", "THREATEN", "violence"],
  // PROTEST
  ["141", "PROTEST", "demo"], ["142", "PROTEST", "hunger"], ["143", "PROTEST", "strike"],
  ["144", "PROTEST", "obstruct"], ["145", "PROTEST", "riot"],
  // MOBILIZE
  ["151", "MOBILIZE", "police"], ["152", "MOBILIZE", "troops"], ["153", "MOBILIZE", "police"],
  ["154", "MOBILIZE", "troops"], ["155", "MOBILIZE", "weapons"],
  // SANCTION
  ["161", "SANCTION", "discontinue"], ["162", "SANCTION", "withdraw"], ["163", "SANCTION", "discontinue"],
  ["164", "SANCTION", "discontinue"], ["165", "SANCTION", "withdraw"], ["166", "SANCTION", "expel"],
  // COERCE
  ["1711", "COERCE", "seize"], ["1712", "ASSAULT", "destroy"], ["171", "COERCE", "seize"],
  ["1723", "COERCE", "curfew"], ["1724", "COERCE", "martial-law"], ["172", "COERCE", "restrict"],
  ["173", "COERCE", "arrest"], ["174", "COERCE", "deport"], ["176", "COERCE", "cyber"],
  // ASSAULT (18, 19, 20)
  ["181", "ASSAULT", "abduct"], ["1821", "ASSAULT", "sexual"], ["1822", "ASSAULT", "torture"],
  ["182", "ASSAULT", "beat"], ["1831", "ASSAULT", "suicide-attack"], ["183", "ASSAULT", "explosives"],
  ["185", "ASSAULT", "targeted"], ["186", "ASSAULT", "targeted"],
  ["191", "COERCE", "restrict"], ["193", "ASSAULT", "firearms"], ["194", "ASSAULT", "heavy-weapons"],
  ["1952", "ASSAULT", "drone"], ["195", "ASSAULT", "aerial"],
  ["202", "ASSAULT", "targeted"], ["204", "ASSAULT", "unconventional"],
].sort((a, b) => b[0].length - a[0].length); // longest prefix first

/** PLOVER's cooperative types (verbal and material cooperation quads). */
const COOPERATIVE = new Set(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]);

const TYPE_BY_ROOT = {
  "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID", "09": "ACCUSE",
  "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST",
  "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
};

/** "[190:190]" / "080!" / "10" -> "190" / "080" / "100"; null for the null code. */
function cleanCode(raw) {
  const code = raw.split(":")[0].replace(/[^0-9]/g, "");
  if (code.length < 2) return null;
  return code.length === 2 ? code + "0" : code;
}

function ploverOf(code) {
  if (!code) return null;
  for (const [prefix, type, mode] of MODE_BY_CODE) if (code.startsWith(prefix)) return { type, mode };
  const root = code.slice(0, 2);
  // YIELD splits: 081-083 are verbal concessions, 084-087 material retreats; the bare 080
  // ("yield") promises nothing material, so it stays verbal.
  if (root === "08") return { type: Number(code[2]) >= 4 ? "RETREAT" : "CONCEDE", mode: null };
  const type = TYPE_BY_ROOT[root];
  return type ? { type, mode: null } : null;
}

// ---------------------------------------------------------------- parsing

const stripComment = (line) => line.replace(/[#;].*$/, "");

/** Synsets: &LABEL followed by +member lines. Labels are stored without a trailing "_". */
function readSynsets(lines) {
  const sets = new Map();
  let label = null;
  for (const raw of lines) {
    const line = stripComment(raw).trim();
    if (line.startsWith("&")) {
      label = line.replace(/_$/, "");
      sets.set(label, []);
    } else if (line.startsWith("+") && label) {
      const words = line.slice(1).replace(/_+$/, "").split(/[_\s]+/).filter(Boolean).map((w) => w.toLowerCase());
      if (words.length) sets.get(label).push(words);
    } else if (line) {
      label = null;
    }
  }
  return sets;
}

/** A verb line -> {lemma, after, code} or a reason to skip it. */
function readVerbLine(line) {
  const codeMatch = line.match(/\[([^\]]*)\]/);
  const code = codeMatch ? codeMatch[1].trim() : undefined;
  const body = line.replace(/\{[^}]*\}?/g, " ").replace(/\[[^\]]*\]/g, " ").trim();
  const words = body.split(/[_\s]+/).filter(Boolean);
  if (words.length === 0) return { skip: "empty" };
  let at = words.findIndex((w) => w.startsWith("+"));
  if (at < 0) at = 0;
  const clean = words.map((w) => w.replace(/\+/g, "").toLowerCase());
  let lemma = clean[at];
  const before = clean.slice(0, at);
  const after = clean.slice(at + 1);
  // RE_+ARREST and the like are written as one word in news text: "rearrest".
  const prefixed = before.length === 1 && before[0] === "re";
  lemma = BASE_FORM[lemma] ?? lemma;
  if (prefixed) lemma = "re" + lemma;
  const parsed = { lemma, after, code };
  if (before.length && !prefixed) return { ...parsed, skip: "words before the verb" };
  // "+KILLED_AND {}", "+SHOT_AND {}": parser work-arounds, not verbs.
  if (after.some((w) => w === "and" || w === "or")) return { ...parsed, skip: "conjunction phrase" };
  if (!/^[a-z][a-z'-]*$/.test(lemma)) return { ...parsed, skip: "not a word" };
  if (NOT_VERBS.has(lemma)) return { ...parsed, skip: "a noun" };
  return parsed;
}

/**
 * A pattern line "- pre * post [code] # comment" -> {before, after: string[][], code}.
 * `after` holds one word list per synset expansion; $ (source), + (target), % (compound),
 * ^ (skip) markers and the {...} / (...) phrase brackets carry no words and are dropped.
 */
function readPattern(line, synsets) {
  const text = stripComment(line).slice(1);
  const comment = line.includes("#") ? line.slice(line.indexOf("#") + 1) : "";
  // "# ABANDON <ab 10 Jul 2003> , ANNOUNCE <...>": the verbs the pattern was written for.
  const origins = comment.split(",").map((part) => part.trim().match(/^([A-Za-z][A-Za-z_+-]*)/)?.[1])
    .filter(Boolean).map((w) => w.replace(/\+/g, "").toLowerCase());
  const codes = [...text.matchAll(/\[([^\]]*)\]/g)];
  if (codes.length === 0) return null;
  const code = codes[codes.length - 1][1].trim();
  const body = text.slice(0, codes[codes.length - 1].index).replace(/_/g, " ");
  const star = body.indexOf("*");
  if (star < 0) return null;
  const toWords = (part) => part.replace(/[{}()]/g, " ").split(/\s+/).filter(Boolean)
    .filter((w) => !/^[$+%^]+$/.test(w)).map((w) => w.replace(/[$+%^]/g, "").toLowerCase());
  const before = toWords(body.slice(0, star));
  let alternatives = [[]];
  for (const word of toWords(body.slice(star + 1))) {
    if (word.startsWith("&")) {
      const members = synsets.get(word.toUpperCase());
      if (!members || members.length === 0) return { undefinedSynset: true };
      alternatives = alternatives.flatMap((alt) => members.map((m) => [...alt, ...m]));
      if (alternatives.length > MAX_EXPANSION) return { tooWide: true };
    } else {
      alternatives = alternatives.map((alt) => [...alt, word]);
    }
  }
  return { before, after: alternatives, code, origins };
}

/** Blocks of the verb section: header code, verb lines, pattern lines. */
function readBlocks(lines) {
  const blocks = [];
  let block = null;
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, "");
    if (line.startsWith("---")) {
      const m = line.match(/^---\s*([^\s[#]+)\s*(?:\[([^\]]*)\])?/);
      block = { name: m ? m[1] : "", code: m && m[2] ? m[2] : "---", verbs: [], patterns: [] };
      blocks.push(block);
    } else if (!block || /^\s*(#|$)/.test(line) || line.startsWith("~")) {
      continue;
    } else if (line.startsWith("-")) {
      block.patterns.push(line);
    } else {
      const verbLine = stripComment(line).trim();
      if (verbLine) block.verbs.push(verbLine);
    }
  }
  return blocks;
}

// ---------------------------------------------------------------- building

/** Does a pattern comment's verb ("called_on", "kills", "attack") name this block verb? */
function sameVerb(origin, head) {
  const [word, ...rest] = origin.split("_");
  if (rest.join(" ") !== head.after.join(" ")) return false;
  const base = BASE_FORM[word] ?? word;
  return [base, base.replace(/(ed|d|s|ing)$/, ""), base.replace(/ies$/, "y")].includes(head.lemma)
    || head.lemma === base.replace(/(ed|ing)$/, "e");
}

function build() {
  const file = readdirSync(DICT_DIR).find((f) => /^CAMEO\.verbpatterns.*\.txt$/.test(f));
  if (!file) throw new Error(`build-verbs: no CAMEO.verbpatterns*.txt in ${DICT_DIR}`);
  const lines = readFileSync(join(DICT_DIR, file), "latin1").split(/\r?\n/);
  const split = lines.findIndex((l) => l.startsWith("####### VERB PATTERNS"));
  const synsets = readSynsets(lines.slice(0, split));
  const blocks = readBlocks(lines.slice(split + 1));

  const count = {
    blocks: blocks.length, verbLines: 0, skippedVerbLines: 0, patterns: 0, beforeDropped: 0,
    undefinedSynset: 0, tooWide: 0, skippedOrigin: 0, emptyAfter: 0, redundant: 0, nullUnderNull: 0,
    genericDropped: 0, dropped0102: 0, flipped: 0, conflicts: 0, curated: 0,
  };
  /** lemma -> {own: {code, block}|null, phrases: Map(afterKey -> phrase)} */
  const lemmas = new Map();
  const entry = (lemma) => {
    if (!lemmas.has(lemma)) lemmas.set(lemma, { own: null, phrases: new Map() });
    return lemmas.get(lemma);
  };
  const addPhrase = (lemma, after, code) => {
    const e = entry(lemma);
    const key = after.join(" ");
    if (!e.phrases.has(key)) e.phrases.set(key, { after, code });
  };

  for (const block of blocks) {
    const heads = []; // {lemma, after} of every verb in the block, for its patterns
    const named = []; // every verb line, skipped ones too, to recognise a pattern's origin
    for (const raw of block.verbs) {
      count.verbLines++;
      const v = readVerbLine(raw);
      named.push(v);
      if (v.skip) { count.skippedVerbLines++; continue; }
      const code = v.code ?? block.code;
      heads.push(v);
      if (v.after.length) { addPhrase(v.lemma, v.after, code); continue; }
      const e = entry(v.lemma);
      const dedicated = block.name.toLowerCase().replace(/_$/, "") === v.lemma;
      if (!e.own) e.own = { code, dedicated };
      else if (cleanCode(e.own.code) !== cleanCode(code)) {
        count.conflicts++;
        // The block named after the verb, then the first coded block, wins.
        if ((dedicated && !e.own.dedicated) || (!ploverOf(cleanCode(e.own.code)) && ploverOf(cleanCode(code)))) {
          e.own = { code, dedicated };
        }
      }
    }
    for (const raw of block.patterns) {
      count.patterns++;
      const p = readPattern(raw, synsets);
      if (!p) continue;
      if (p.undefinedSynset) { count.undefinedSynset++; continue; }
      if (p.tooWide) { count.tooWide++; continue; }
      if (p.before.length) { count.beforeDropped++; continue; }
      // A pattern belongs to the verb its comment names when that verb is in the block (the
      // 2015 file notes where each pattern came from); otherwise to every verb of the block, as
      // PETRARCH applies it. Sharing every pattern with every synonym would code "abandon
      // citizens" from a pattern written for "force".
      // A pattern written for a verb line that was skipped ("+SHOT_AND {}") goes with it.
      const origin = named.filter((h) => p.origins.some((o) => sameVerb(o, h)));
      const targets = origin.length ? origin.filter((h) => !h.skip) : heads;
      if (targets.length === 0) { count.skippedOrigin++; continue; }
      for (const after of p.after) {
        if (after.length === 0) { count.emptyAfter++; continue; }
        for (const h of targets) addPhrase(h.lemma, [...h.after, ...after], p.code);
      }
    }
  }

  const curated = curatedLemmas();
  const verbs = [];
  for (const [lemma, e] of [...lemmas].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (curated.has(lemma)) { count.curated++; continue; }
    const generic = GENERIC.has(lemma) || LOOSE.has(lemma);
    const ownCode = e.own ? cleanCode(e.own.code) : null;
    const own = generic ? null : ploverOf(ownCode);
    if (generic && ploverOf(ownCode)) count.genericDropped++;
    const phrases = [];
    for (const { after, code } of e.phrases.values()) {
      const c = cleanCode(code);
      const p = ploverOf(c);
      if (generic && after.filter((w) => !FUNCTION_WORDS.has(w)).length < 2) { count.genericDropped++; continue; }
      if (!p && !own) { count.nullUnderNull++; continue; }
      if (p && own && p.type === own.type && p.mode === own.mode) { count.redundant++; continue; }
      // The null code --- under a coded verb says "these words code nothing" ("abandon ship",
      // "strike down a law") and is kept with type null. A 01/02 code is a comment or an appeal
      // that PLOVER drops, not a denial of the verb's own event: such phrases are left out.
      if (!p && c) { count.dropped0102++; continue; }
      // PETRARCH codes "condemn the murder of X" as praise of X (SUPPORT, the victim as target)
      // and "meet in dispute with" as fighting: a phrase that turns a coded verb from
      // cooperation to conflict, or back, follows its target logic, not the verb's event.
      if (p && own && COOPERATIVE.has(p.type) !== COOPERATIVE.has(own.type)) { count.flipped++; continue; }
      phrases.push({ after, type: p?.type ?? null, mode: p?.mode ?? null, cameo: c });
    }
    if (!own && !phrases.some((p) => p.type)) continue;
    verbs.push({
      lemma, type: own?.type ?? null, mode: own?.mode ?? null, cameo: own ? ownCode : null,
      // Longer phrases first: a reader that takes the first phrase that matches gets the most
      // specific one ("fire ... tear gas" before "fire ... gas").
      phrases: phrases.sort((a, b) => b.after.length - a.after.length || a.after.join(" ").localeCompare(b.after.join(" "))),
    });
  }
  return { file, verbs, count };
}

const { file, verbs, count } = build();
mkdirSync(dirname(OUT), { recursive: true });
const doc = {
  source: `PETRARCH2 ${file} (openeventdata/petrarch2), CAMEO codes mapped to PLOVER; built by scripts/build-verbs.mjs`,
  licence: "MIT, (c) 2014 Open Event Data; PLOVER mapping after the PLOVER manual, CC BY-SA 4.0 Open Event Data Alliance",
  verbs,
};
writeFileSync(OUT, JSON.stringify(doc, null, 0).replace(/\{"lemma"/g, '\n{"lemma"') + "\n");

const byType = {};
for (const v of verbs) byType[v.type ?? "null"] = (byType[v.type ?? "null"] ?? 0) + 1;
const phraseCount = verbs.reduce((n, v) => n + v.phrases.length, 0);
console.log(`build-verbs: ${verbs.length} lemmas (${verbs.filter((v) => v.type).length} coded), ${phraseCount} phrases -> ${OUT}`);
console.log(`  lemmas by type: ${Object.entries(byType).map(([k, n]) => `${k} ${n}`).join(", ")}`);
console.log(`  read: ${count.blocks} blocks, ${count.verbLines} verb lines (${count.skippedVerbLines} skipped), ${count.patterns} patterns`);
console.log(`  dropped patterns: ${count.beforeDropped} with words before the verb, ${count.undefinedSynset} with undefined synsets, ${count.tooWide} expanding to over ${MAX_EXPANSION} phrases, ${count.emptyAfter} with no words after, ${count.skippedOrigin} written for a skipped verb line`);
console.log(`  dropped phrases: ${count.redundant} same code as the verb, ${count.nullUnderNull} uncoded, ${count.dropped0102} coded 01/02 under a coded verb, ${count.flipped} turning cooperation to conflict or back, ${count.genericDropped} generic-verb codes`);
console.log(`  ${count.curated} lemmas left to curated-verbs.json`);
console.log(`  ${count.conflicts} lemmas coded differently in two blocks (the block named after the verb wins)`);
