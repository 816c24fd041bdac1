/**
 * Markdown to plain text, line by line: the words a reader sees, without the markup that would
 * read as words (`#`, `**`, link targets, images, HTML tags). The first heading is the title.
 * Evidence spans index the text this returns, which is what the archive stores.
 */

/** Inline markup of one line: images dropped, links to their text, emphasis and code marks off. */
function inline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/<[^>\n]+>/g, "")
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1");
}

/** The text of a Markdown document, and its first heading (null when it has none). */
export function markdownText(markdown: string): { body: string; title: string | null } {
  let title: string | null = null;
  let fenced = false;
  const lines: string[] = [];
  for (const raw of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      lines.push(raw);
      continue;
    }
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(raw) || /^\s*([-*_]\s*){3,}$/.test(raw)) continue; // link definitions, rules
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    let line = heading ? heading[1] ?? "" : raw.replace(/^\s{0,3}>\s?/, "").replace(/^(\s*)([-*+]|\d+[.)])\s+/, "$1");
    line = inline(line);
    if (heading && title === null && line.trim() !== "") title = line.trim();
    lines.push(line);
  }
  return { body: lines.join("\n").replace(/\n{3,}/g, "\n\n").trim(), title };
}
