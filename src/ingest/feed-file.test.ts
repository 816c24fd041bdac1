import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { feedDay, feedDocuments } from "./feed-file.js";
import { readInputs } from "./index.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Post &amp; Friends</title>
  <item>
    <title>Bridge reopened after &lt;b&gt;repairs&lt;/b&gt;</title>
    <link>https://valley.example/bridge</link>
    <guid isPermaLink="false">vp-101</guid>
    <pubDate>Tue, 03 Mar 2026 22:30:00 +0000</pubDate>
    <description>Short summary only.</description>
    <content:encoded><![CDATA[<p>Engineers reopened the river bridge on Tuesday.</p><script>steal()</script><p>Traffic resumed at noon.</p>]]></content:encoded>
  </item>
  <item>
    <title>Curfew lifted</title>
    <link>https://valley.example/curfew</link>
    <description>&lt;p&gt;The council lifted the night curfew in the old town.&lt;/p&gt;</description>
  </item>
  <item><title>Photo gallery</title><link>https://valley.example/photos</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Coast Monitor</title>
  <entry>
    <id>tag:coast.example,2026:77</id>
    <title type="html">Ferry service &amp;amp; port</title>
    <link rel="alternate" href="https://coast.example/ferry"/>
    <published>2026-02-11T06:00:00Z</published>
    <content type="html">&lt;p&gt;The ferry service to the islands resumed after storms closed the port for a week.&lt;/p&gt;</content>
  </entry>
</feed>`;

/** Entities that a parser expanding the DTD would blow up (billion laughs) or read from disk. */
const HOSTILE = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY secret SYSTEM "file:///etc/hostname">
]>
<rss version="2.0"><channel><item><title>T</title><description>Word &d; and &secret; end of the item text.</description></item></channel></rss>`;

const ok = (items: ReturnType<typeof feedDocuments>) => items.flatMap((i) => ("doc" in i ? [i.doc] : []));
const errors = (items: ReturnType<typeof feedDocuments>) => items.flatMap((i) => ("error" in i ? [i.error.message] : []));

describe("feeds", () => {
  it("make one document per RSS item, full content first, then the summary; an item with neither is reported", () => {
    const items = feedDocuments("valley.rss", Buffer.from(RSS), null);
    expect(ok(items)).toEqual([
      { id: "vp-101", text: "Engineers reopened the river bridge on Tuesday.\n\nTraffic resumed at noon.", published: "2026-03-03",
        url: "https://valley.example/bridge", title: "Bridge reopened after repairs" },
      { id: "https://valley.example/curfew", text: "The council lifted the night curfew in the old town.", published: null,
        url: "https://valley.example/curfew", title: "Curfew lifted" },
    ]);
    expect(errors(items)).toEqual(["valley.rss: item 3: no text (no content or summary)"]);
  });

  it("read Atom entries, their link, date and HTML content", () => {
    expect(ok(feedDocuments("coast.atom", Buffer.from(ATOM), "2026-01-01"))).toEqual([{
      id: "tag:coast.example,2026:77", text: "The ferry service to the islands resumed after storms closed the port for a week.",
      published: "2026-02-11", url: "https://coast.example/ferry", title: "Ferry service & port",
    }]);
  });

  it("neither expand declared entities nor read external ones", () => {
    const [doc] = ok(feedDocuments("hostile.rss", Buffer.from(HOSTILE), null));
    expect(doc?.text.length).toBeLessThan(100);
    expect(doc?.text).toContain("end of the item text");
    expect(doc?.text).not.toContain("aaaa");
  });

  it("report a file that is not a feed, or has no items, in one line", () => {
    expect(errors(feedDocuments("x.rss", Buffer.from("<html><body>hi</body></html>"), null))).toEqual(["x.rss: not an RSS or Atom feed"]);
    expect(errors(feedDocuments("y.rss", Buffer.from('<rss version="2.0"><channel></channel></rss>'), null))).toEqual(["y.rss: feed has no items"]);
  });

  it("read dates in RFC 822 and ISO 8601", () => {
    expect([feedDay("Wed, 04 Mar 2026 01:00:00 GMT"), feedDay("2026-03-04T23:00:00-05:00"), feedDay("soon"), feedDay(null)])
      .toEqual(["2026-03-04", "2026-03-04", null, null]);
  });

  it("are found by extension or by content when read from files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sitrep-feed-"));
    try {
      await writeFile(join(dir, "a.rss"), RSS);
      await writeFile(join(dir, "b.xml"), ATOM);
      const sources = [];
      for await (const item of readInputs([join(dir, "a.rss"), join(dir, "b.xml")])) sources.push("doc" in item ? item.source : item.error.message);
      expect(sources.map((s) => s.replace(`${dir}/`, ""))).toEqual(["a.rss: item 1", "a.rss: item 2", "a.rss: item 3: no text (no content or summary)", "b.xml: item 1"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
