/** The help texts, one per command; `sitrep --help` and `sitrep <command> --help` print these. */
import { STORE_HELP } from "./store-options.js";

export const MAIN_HELP = `sitrep: news reports in, evidence-linked PLOVER event records out

Usage: sitrep <command> [options]

Commands:
  extract   read reports, print who did what to whom, where, when, with what toll
  eval      extract a gold JSONL set and score it with the shared scorer
  ingest    read reports into the archive (./sitrep.db, or PostgreSQL), extracted, once each

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

export const INGEST_HELP = `Usage: sitrep ingest [options] PATH... | -

Reads each PATH (a file, or a folder read recursively for .txt, .md, .jsonl and .ndjson files;
\`-\` is stdin), extracts every document and stores the document with its record in the archive.
A .jsonl/.ndjson file holds one {"id", "url", "title", "published", "text"} object per line; a
Markdown file's markup is dropped and its first heading is its title.

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
  --debug                    print stack traces with errors

Progress goes to stderr (a redrawn line on a terminal); the last line on stdout sums up:
new, unchanged, near-duplicates, and rejected with reasons. A rejected document is reported as
one line on stderr, \`sitrep: FILE:LINE: reason\`, and skipped; the others go on.
Exit status: 0 all stored; 2 some documents were rejected; 1 usage error or failure.
`;
