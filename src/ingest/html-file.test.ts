import { describe, expect, it } from "vitest";
import { htmlDocument } from "./html-file.js";

const ARTICLE = [
  "Fighting resumed on Thursday around the hill town of Varesh after a week of calm, residents said,",
  "as artillery fire struck the market and two schools. The regional council said at least nine civilians",
  "were killed and that hundreds of families had fled towards the coast overnight.",
].join(" ");
const SECOND = "Aid groups said the only road out of the town was closed by a landslide earlier in the month.";

const PAGE = `<!doctype html>
<html><head>
  <title>Shelling resumes in Varesh | The Valley Post</title>
  <meta property="og:title" content="Shelling resumes in Varesh">
  <meta name="author" content="A. Reporter">
  <meta property="article:published_time" content="2026-04-02T08:30:00Z">
  <link rel="canonical" href="https://valley.example/news/varesh-shelling">
  <script>document.write("<p>Injected text that must never be read.</p>")</script>
  <style>p { color: red }</style>
</head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  <header><h1>The Valley Post</h1><p>Subscribe to our newsletter for daily updates.</p></header>
  <article>
    <h1>Shelling resumes in Varesh</h1>
    <p>${ARTICLE}</p>
    <iframe src="https://ads.example/frame"></iframe>
    <p>${SECOND}</p>
  </article>
  <aside><h3>Most read</h3><ul><li>Ten recipes for summer</li><li>Transfer news</li></ul></aside>
  <footer><p>Copyright The Valley Post. All rights reserved.</p></footer>
</body></html>`;

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("HTML pages", () => {
  it("keep the article's paragraphs and the page's metadata, not its boilerplate or scripts", () => {
    const item = htmlDocument("page.html", "page", bytes(PAGE), null);
    if (!("doc" in item)) throw item.error;
    expect(item.doc.text).toContain(ARTICLE);
    expect(item.doc.text).toContain(`${ARTICLE}\n\n${SECOND}`);
    expect(item.doc.text).not.toMatch(/Injected|newsletter|Most read|recipes|Copyright|Sport/);
    expect(item.doc).toMatchObject({
      id: "page", published: "2026-04-02", url: "https://valley.example/news/varesh-shelling", title: "Shelling resumes in Varesh",
    });
  });

  it("fall back to the given date, and reject a page with no article text in one line", () => {
    const undated = PAGE.replace(/<meta property="article:published_time"[^>]*>/, "");
    const item = htmlDocument("page.html", "page", bytes(undated), "2026-04-03");
    expect("doc" in item && item.doc.published).toBe("2026-04-03");
    const empty = htmlDocument("empty.html", "empty", bytes("<html><body><nav>Home</nav><script>x()</script></body></html>"), null);
    expect("error" in empty && empty.error.message).toBe("empty.html: no article text found in the page");
    const binary = htmlDocument("bad.html", "bad", Buffer.from([0x3c, 0xff, 0xfe]), null);
    expect("error" in binary && binary.error.message).toBe("bad.html: file is not UTF-8 text");
  });
});
