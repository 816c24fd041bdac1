/** The help texts, one per command; `sitrep --help` and `sitrep <command> --help` print these. */
import { PLOVER_TYPES } from "../core/index.js";
import { STORE_HELP } from "./store-options.js";

export const MAIN_HELP = `sitrep: news reports in, evidence-linked PLOVER event records out

Usage: sitrep <command> [options]

Commands:
  extract   read reports, print who did what to whom, where, when, with what toll
  eval      extract a gold JSONL set and score it with the shared scorer
  ingest    read reports into the archive (./sitrep.db, or PostgreSQL), extracted, once each
  watch     poll RSS/Atom feeds until stopped, ingesting what is new (--once: one round)
  events    list the archive's events, filtered by country, place, dates, type, actor, text
  actors    list the actors the archive's documents name, the most active first
  documents list or search the archive's documents
  trend     count the archive's events per day, week or month, by type, country or actor
  show      one event with its evidence, claim and source (e12), or one document (d3)
  reextract run the current extractor again over the stored documents
  serve     serve the HTTP API and the dashboard over the archive
  demo      build a demo archive from the bundled examples and serve it
  token     make, list and revoke the API's tokens
  export    write the archive's events as ACLED- or UCDP-like CSV, GeoJSON, PLOVER JSON or STIX
  import    store ACLED or UCDP GED CSV files' events, apart from Sitrep's, each file whole
  compare   hold Sitrep's events against imported ACLED or UCDP events: matches, misses, extras
  report    write the situation report on the filtered events as Markdown, HTML or PDF

Options:
  -h, --help      show help (also: sitrep <command> --help)
  -v, --version   print the version
  --debug         print stack traces with errors

Exit status: 0 all went well; 1 usage error or failure; 2 some documents were skipped.
`;

export const EXTRACT_HELP = `Usage: sitrep extract [options] FILE... | -

Reads each FILE (\`-\` is stdin) and prints what it reports. A .jsonl/.ndjson file (or any file
whose first line is a JSON object) holds one {"id", "published", "text"} object per line; any
other file is one plain-text document whose id is the file name without extension.

Options:
  --format text|json|jsonl   text: readable (default); json: a pretty array of records;
                             jsonl: one record per line, one line per document, input order
  --published YYYY-MM-DD     publication date of plain-text documents (relative dates such as
                             "on Monday" resolve against it) and of JSONL records without one
  --max-bytes N              largest document accepted (default 5M; K and M suffixes allowed)
  --debug                    print stack traces with errors

A bad document (unreadable, not UTF-8, not JSON, no text, too large, bad date) is reported as
one line on stderr, \`sitrep: FILE:LINE: reason\`, and skipped; the others are still processed.
Exit status: 0 all documents extracted; 2 some were skipped; 1 usage error or failure.
`;

export const EVAL_HELP = `Usage: sitrep eval GOLD.jsonl [--scorer PATH] [--verbose] [--json]

Extracts every document of GOLD.jsonl (reading only id, published and text), then runs the
shared scorer, \`node SCORER --gold GOLD.jsonl --pred PREDICTIONS\`, and prints what it prints.
The last line is \`score: N\` (0-100).

Options:
  --scorer PATH    the scorer (default: ../shared/tools/score.mjs from the current folder,
                   then from the folder above the sitrep package)
  --verbose        list the gold facts that were missed
  --json           the scorer's figures as JSON
  --max-bytes N    largest document accepted (default 5M)
  --debug          print stack traces with errors

Exit status: the scorer's (0 when it scored); 1 usage error or failure.
`;

const JOBS_HELP = `  --jobs N                   extraction threads (default: one per core, at most 8); 1 extracts
                             on the main thread. What is stored is the same whatever N`;

export const INGEST_HELP = `Usage: sitrep ingest [options] PATH|URL... | -

Reads each PATH (a file, or a folder read recursively for .txt, .md, .html, .htm, .rss, .atom,
.jsonl and .ndjson files; \`-\` is stdin), extracts every document and stores the document with
its record in the archive. A .jsonl/.ndjson file holds one {"id", "url", "title", "published",
"text"} object per line; a Markdown file's markup is dropped and its first heading is its title;
an HTML page's main text is pulled out of its boilerplate, and its title, date and canonical URL
read from its metadata; an RSS or Atom feed gives one document per item. An http(s) URL is
fetched (a page or a feed; 5 redirects, 30 s and the size cap at most). A feed item that
carries only a summary (no full content, or under 500 characters) is read from the http(s)
page it links to, one request per host per second, no redirect to another host; a link that
fails is reported in one line and the summary kept (--no-follow: keep summaries only).

A document already in the archive (same text, or same URL) is counted unchanged and not read
again; a lightly edited copy of one (a syndicated story) is stored as a near-duplicate linked to
the first copy, without counting its events again. Documents are committed in batches, each
whole or not at all: an interrupted ingest run again takes up where it stopped.

Options:
${STORE_HELP}
  --published YYYY-MM-DD     publication date of plain-text documents and of JSONL records
                             without one (relative dates such as "on Monday" resolve against it)
  --max-bytes N              largest document accepted (default 5M; K and M suffixes allowed)
  --batch N                  documents per transaction (default 100)
  --no-follow                store feed items' summaries; do not fetch the pages they link to
${JOBS_HELP}
  --debug                    print stack traces with errors

Progress goes to stderr (a redrawn line on a terminal); the last line on stdout sums up:
new, unchanged, near-duplicates, and rejected with reasons. A rejected document is reported as
one line on stderr, \`sitrep: FILE:LINE: reason\`, and skipped; the others go on.
Exit status: 0 all stored; 2 some documents were rejected; 1 usage error or failure.
`;

export const WATCH_HELP = `Usage: sitrep watch [options] FEED_URL...

Polls each RSS or Atom feed (an http(s) URL) every interval, until stopped with Ctrl-C or
SIGTERM, and ingests the items it has not read before, as \`sitrep ingest\` does. Politely: a
conditional GET (ETag, Last-Modified: an unchanged feed answers 304 and costs nothing), one
request per host at a time and --host-delay apart, 30 s and the size cap per answer, at most
5 redirects and none to another host. What it polled and read is kept in the archive: run
again, it goes on where it stopped. A feed that fails (HTTP error, no answer, not a feed) is
reported in one line and tried again next round, then less often while it keeps failing.
An item that carries only a summary is read from the page it links to, as \`sitrep ingest\`
does (a link that fails: one line, and the summary is kept).

Options:
${STORE_HELP}
  --every DURATION           time between rounds: 30s, 15m (default), 1h
  --once                     poll every feed once, then stop (for cron)
  --host-delay DURATION      least time between two requests to one host (default 1s)
  --timeout DURATION         longest wait for one whole answer, redirects included (default 30s)
  --max-bytes N              largest feed or document accepted (default 5M)
  --batch N                  documents per transaction (default 100)
  --no-follow                store items' summaries; do not fetch the pages they link to
  --debug                    print stack traces with errors

One line per poll on stdout: \`TIME FEED: 200, 20 items: 3 new, 17 unchanged\` or \`304 not
modified\`; problems on stderr. Stopped, it finishes the batch in hand, prints one summary line
and exits 0. Exit status with --once: 0 all polled; 2 a feed failed or a document was rejected;
1 usage error or failure.
`;

const LIST_HELP = `  --format table|json|jsonl|csv   table: aligned columns (default); json, jsonl: whole rows
  --limit N                  at most N rows (default 100)
${STORE_HELP}`;

const FILTERS_HELP = `  --country ISO3             where it happened (AFG, SYR, ...)
  --admin1 NAME              the province or state (any case)
  --since YYYY-MM-DD         events on or after the day
  --until YYYY-MM-DD         events on or before the day
  --type TYPE                a PLOVER type: ${PLOVER_TYPES.join(", ")}
  --actor NAME               an actor or recipient, by name or alias (any case, whole name)
  --modality M               asserted, negated, hypothetical, future or historical
  --text "WORDS"             events whose evidence holds all the words (full-text search, stemmed)`;

export const EVENTS_HELP = `Usage: sitrep events [filters] [--format table|json|jsonl|csv] [--limit N]

Lists the archive's events, latest first. Every filter narrows the list:
${FILTERS_HELP}
${LIST_HELP}

\`sitrep show e12\` shows one event with its sentence, claim and source document.
`;

export const TREND_HELP = `Usage: sitrep trend [filters] [--interval day|week|month] [--by type|country|actor|none]
                    [--top N] [--format table|json|csv]

Counts the archive's events per period of their start date (events without a date are left out),
with their deaths (the low figures added up). The filters are those of \`sitrep events\`
(--country, --admin1, --since, --until, --type, --actor, --modality, --text).
  --interval day|week|month  the period (default week; a week starts on Monday, and is named
                             by that day; a month by its first day)
  --by type|country|actor|none
                             one series per PLOVER type, country, initiating actor, or one for
                             all events (default none); an event with two actors counts for each
  --top N                    only the N series with the most events
  --format table|json|csv    table: one row per period and series (default); csv: the same
                             rows; json: {interval, by, series: [{key, points: [{period,
                             events, fatalities}]}]}, the series with the most events first
${STORE_HELP}
`;

export const ACTORS_HELP = `Usage: sitrep actors [--name NAME] [--country ISO3] [--kind KIND] [--format ...] [--limit N]

Lists the actors named in the archive, one row per name, kind and country, with how many
documents name them and how many events they take part in, the most active first.
${LIST_HELP}
`;

export const DOCUMENTS_HELP = `Usage: sitrep documents [--text "WORDS"] [--since DAY] [--until DAY] [--format ...] [--limit N]

Lists the archive's documents, latest published first: id, publication date, title, events,
the first copy of a near-duplicate, and source.
  --text "WORDS"             documents whose title or text holds all the words (full text, stemmed)
  --since, --until DAY       published on or after, on or before the day
${LIST_HELP}
`;

export const SHOW_HELP = `Usage: sitrep show ID [--json] [--db FILE | --pg URL]

ID is e12 for an event: its type, who did it to whom, when and where, its sentence with the
evidence marked, the claim it rests on (speaker, kind, hedged or not) and its source document.
ID is d3 for a document: its metadata and text. --json prints the same as JSON.
`;

export const REEXTRACT_HELP = `Usage: sitrep reextract [--all] [--jobs N] [--db FILE | --pg URL]

Runs the current extractor again over the stored documents whose record an older (or other)
version made, replacing each record; with --all, over every document. Near-duplicates keep none.
Each document is replaced in its own transaction.
${JOBS_HELP}
`;

export const SERVE_HELP = `Usage: sitrep serve [--db FILE | --pg URL] [--port 8080] [--host 127.0.0.1]

Serves the archive over HTTP until interrupted (Ctrl-C): the JSON API under /api (reference at
/api/docs, OpenAPI 3.1 document at /openapi.json) and the dashboard at /.
With no API tokens configured the server runs in open-demo mode: every route is open, to
loopback clients only, and it refuses to listen on any other address.

Options:
${STORE_HELP}
  --port N                   the port (default 8080; 0 picks a free one)
  --host ADDRESS             the address to listen on (default 127.0.0.1)
`;

export const DEMO_HELP = `Usage: sitrep demo [--port N] [--host 127.0.0.1]

Builds a fresh SQLite archive in a temporary folder from the bundled examples (the project's
sample reports, Wikinews conflict articles and Wikipedia current-events summaries; see
examples/SOURCE.md), then serves it like \`sitrep serve\` and prints the URL. The archive is
deleted when the server stops (Ctrl-C).

Options:
  --port N                   the port (default 8080, or any free port when 8080 is taken)
  --host ADDRESS             the address to listen on (default 127.0.0.1)
`;

export const TOKEN_HELP = `Usage: sitrep token create --role reader|analyst|admin [--name NAME] [--db FILE | --pg URL]
       sitrep token list [--db FILE | --pg URL]
       sitrep token revoke ID [--db FILE | --pg URL]

API tokens for \`sitrep serve\`: readers read; analysts also ingest (POST /api/documents) and
correct (POST /api/corrections); admins also manage tokens (/api/tokens). \`create\` prints the
new token's secret on stdout, this once: the archive keeps only its SHA-256. Once a token exists
the server asks every client for one (Authorization: Bearer SECRET) and may listen beyond loopback.
`;

export const EXPORT_HELP = `Usage: sitrep export --format acled|ucdp|geojson|plover|stix [filters] [-o FILE]

Writes every event of the archive that the filters keep (no limit), streamed in id order:
  acled     ACLED-like CSV: event_id, event_date, year, time_precision, event_type and
            sub_event_type (from the PLOVER type and mode, data/exchange/acled.json), actor1,
            assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, country, iso,
            admin1, admin2, location, latitude, longitude, geo_precision, source, source_scale,
            notes (the evidence sentence), fatalities; then Sitrep's columns (plover_type, mode,
            modality, speaker, speaker_kind, hedged, evidence offsets, document id, ...)
  ucdp      UCDP GED-like CSV of the ASSAULT events: type_of_violence, side_a, side_b,
            where_prec, date_prec, best, low, high, ...; then Sitrep's columns
  geojson   a GeoJSON FeatureCollection, one Feature per event (null geometry without a point)
  plover    PLOVER JSON records, one a line
  stix      a STIX 2.1 bundle for OpenCTI or MISP: actors as identity, threat-actor or
            intrusion-set by kind, places as location, events as incident (attributed-to its
            actors, targets its targets, located-at its place), relations as relationship,
            claims as note by their speaker, documents as report; the same fact gets the same
            id in every export (UUIDv5)

CSV is RFC 4180 (CRLF rows, quotes doubled); a text cell that begins with = + - or @ is written
with a leading ' so that a spreadsheet shows it as text instead of running it.

Filters:
${FILTERS_HELP}

Options:
  --format F                 one of the formats above (required)
  -o, --output FILE          write to FILE (whole or not at all: written beside it, then renamed);
                             default stdout
${STORE_HELP}

The last line on stderr counts what was written.
`;

export const IMPORT_HELP = `Usage: sitrep import --format acled|ucdp FILE.csv... [--db FILE | --pg URL]

Stores the events of ACLED or UCDP GED CSV files in the archive, as events of that dataset: in
tables of their own, never mixed with the events Sitrep extracts, each tagged with its dataset,
file and line. \`sitrep compare\` holds them against Sitrep's.
  acled   ACLED's export columns: event_id_cnty (or event_id), event_date, event_type,
          sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, country, iso, admin1,
          admin2, location, latitude, longitude, fatalities, notes
  ucdp    UCDP GED's columns: id, date_start, date_end, type_of_violence, side_a, side_b,
          country, adm_1, adm_2, where_coordinates, latitude, longitude, best, low, high
Files Sitrep exported (sitrep export --format acled|ucdp) are read back whole, with Sitrep's
own columns (PLOVER type, mode, modality, the toll's upper bound).

Each file is read as a stream and stored whole or not at all: a bad file (a missing column,
broken quoting, a row with too many or too few fields, bytes that are not UTF-8, a date or
number that cannot be read) is reported in one line, \`sitrep: FILE:LINE: reason\`, and nothing
of it is kept; the next file is still read. An event whose dataset id is already stored is
replaced (a later release of the dataset); a file imported before is left alone.

Options:
  --format acled|ucdp        the dataset the files come from (required)
${STORE_HELP}

Exit status: 0 all files imported; 2 some were refused; 1 usage error or failure.
`;

export const COMPARE_HELP = `Usage: sitrep compare --with acled|ucdp [--country ISO3] [--admin1 NAME] [--since DAY]
                      [--until DAY] [--days N] [--km N] [--format table|csv|json|jsonl]

Holds the archive's events against the imported events of a dataset (sitrep import) and lists
  match   an event of both: the same category, the same country, the same province or points
          at most --km apart (default 50), dates at most --days apart (default 1)
  miss    an event of the dataset Sitrep did not find
  extra   an event Sitrep found that the dataset lacks
Categories are the dataset's: Sitrep's events get ACLED's event type, or UCDP's type of
violence (ASSAULT events only), through the export's mapping (data/exchange/). Only events
told as having happened are compared (asserted, historical). The counts, and the shares they
make, end the output on stderr.
${STORE_HELP}
`;

export const REPORT_HELP = `Usage: sitrep report [filters] [--format md|html|pdf] [-o FILE] [--db FILE | --pg URL]

Writes the situation report on the events the filters keep, the brief an analyst sends:
  - headline figures: events, incidents (reports of one type, day and place taken as one),
    fatalities as lowest-highest figures, each against the previous period of the same length;
  - the main actors, who did what to whom, and a network picture;
  - notable events, the deadliest and the most corroborated, their sources quoted (the
    sentence, who said it and whether hedged, the document's title, address and date);
  - what is contested: tolls that disagree, denials beside assertions, and events resting only
    on anonymous sources, flagged;
  - a map (Natural Earth outlines, shipped) and a timeline (per day, or per week beyond 92 days).

The period: --since and --until when given; with --until alone, the 30 days up to it; with
--since alone, from it to the latest event date; with neither, the last 30 days of the archive's
matching events, up to the latest event date (never past today).

Filters:
${FILTERS_HELP}

Options:
  --format md|html|pdf       md: Markdown (default, or from -o's extension); html: one
                             self-contained page (styles and figures inline, no scripts, nothing
                             fetched); pdf: that page printed by headless chromium
                             (/usr/bin/chromium, or SITREP_CHROMIUM=PATH; needs playwright-core)
  -o, --output FILE          write to FILE (whole or not at all); default stdout. Markdown's
                             figures go beside it as SVG files, FILE's name then -network.svg,
                             -map.svg and -timeline.svg, linked by name; on stdout they are
                             data: URIs inside the Markdown
${STORE_HELP}

Text from documents is escaped in every format: it shows as text, never as markup.
The last line on stderr says the period, the counts and what was written.
`;
