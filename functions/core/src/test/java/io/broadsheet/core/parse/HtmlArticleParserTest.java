package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlArticleParserTest {

    private final ArticleParsers parsers = new ArticleParsers();

    @Test
    void parse_keepsStoryAlone_whenPageHasNavigationCommentsAndRelatedStories() {
        ArticleParsers.ParseResult result = parsers.parse("tram.html", "text/html", ParseTestFiles.bytes("news-page.html"));

        Article article = result.article();
        assertThat(result.format()).isEqualTo(SourceFormat.HTML);
        assertThat(article.title()).isEqualTo("Council backs two new tram lines in transit budget");
        assertThat(article.author()).isEqualTo("Jane Doe");
        assertThat(article.authorRole()).isEqualTo("Transport correspondent");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-09-05T06:30:00Z"));
        assertThat(article.tags()).containsExactly("Transit", "Budget");
        assertThat(article.paragraphs()).containsExactly(
                "The city council voted on Friday to fund two new tram lines, the largest expansion of the network in thirty years, after a debate that ran late into the evening.",
                "The £2.1bn transit budget, approved by 38 votes to 12, sets aside money for a northern line to the hospital district and an eastern line along the old canal, with construction due to start in the spring of 2027.",
                "“This is the moment the city stops talking about congestion and starts doing something about it,” said Councillor Amara Okafor, who chairs the transport committee.",
                "Fares frozen until 2028",
                "Opposition members argued the plan leans too heavily on a fare freeze that the budget office has called “optimistic”, and they warned that delays on the bridge works could push costs higher.",
                "The council said it would publish a detailed timetable for both lines in November, after consultation with residents along the routes.");
    }

    @Test
    void parse_decodesLatin1_whenPageDeclaresIso88591() throws Exception {
        byte[] page = ParseTestFiles.bytes("latin1-page.html");
        assertThat(isUtf8(page)).as("the sample really is Latin-1, not UTF-8").isFalse();

        Article article = parsers.parse("cafe.html", null, page).article();

        assertThat(article.title()).isEqualTo("Café Müller reopens on the harbour front");
        assertThat(article.author()).isEqualTo("Lena Müller");
        assertThat(article.tags()).containsExactly("Cafés", "Harbour", "Local business");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-03-12T00:00:00Z"));
        assertThat(article.paragraphs()).hasSize(3);
        assertThat(article.paragraphs().get(0)).contains("Café Müller", "crème brûlée");
        assertThat(article.paragraphs().get(1)).startsWith("Owner Jürgen Müller").contains("»since the old warehouse came down«");
        assertThat(article.body()).doesNotContain("Startseite", "Impressum", "\uFFFD");
    }

    @Test
    void parse_fallsBackToWindows1252_whenBytesAreNotUtf8AndNothingIsDeclared() {
        String html = "<html><head><title>Smart quotes</title></head><body><article><h1>Smart quotes</h1>"
                + "<p>The editor said \u201cit is na\u00efve to expect UTF-8 everywhere\u201d \u2013 and she was right about that, as usual.</p>"
                + "</article></body></html>";
        byte[] bytes = html.getBytes(java.nio.charset.Charset.forName("windows-1252"));

        Article article = parsers.parse("quotes.html", "text/html", bytes).article();

        assertThat(article.paragraphs()).containsExactly(
                "The editor said \u201cit is na\u00efve to expect UTF-8 everywhere\u201d \u2013 and she was right about that, as usual.");
    }

    @Test
    void parse_readsUtf8_whenPageIsMislabelledAsLatin1() {
        String html = "<html><head><meta charset=\"iso-8859-1\"><title>Zürich</title></head><body>"
                + "<p>Zürich voted for the tunnel on Sunday, with a clear majority in every district of the city.</p></body></html>";

        Article article = parsers.parse("z.html", null, html.getBytes(StandardCharsets.UTF_8)).article();

        assertThat(article.title()).isEqualTo("Zürich");
    }

    @Test
    void parse_honoursByteOrderMark_overDeclaredCharset() {
        String html = "<html><head><meta charset=\"iso-8859-1\"><title>Zürich</title></head><body>"
                + "<p>Zürich voted for the tunnel on Sunday, with a clear majority in every district of the city.</p></body></html>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);

        Article article = parsers.parse("z.html", null, bytes).article();

        assertThat(article.title()).isEqualTo("Zürich");
        assertThat(article.paragraphs().get(0)).startsWith("Zürich voted");
    }

    @Test
    void parse_takesMetadataFromJsonLdAndFallbacks_whenNoOpenGraph() {
        String html = """
                <html><head><title>Storm closes the coast road - Harbour Times</title>
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
                {"@type":["NewsArticle"],"headline":"Storm closes the coast road","author":{"@type":"Person","name":"Sam Reyes"},
                "datePublished":"2024-01-15T18:00:00Z","keywords":"Weather, Roads"}]}</script></head>
                <body><div id="content"><p>The coast road was closed on Monday evening after waves pushed rocks and sand across both lanes near the lighthouse.</p>
                <p>Crews expect to reopen it by Wednesday, the county said, if the wind drops as forecast overnight.</p></div></body></html>
                """;

        Article article = parsers.parse("storm.html", null, html.getBytes(StandardCharsets.UTF_8)).article();

        assertThat(article.title()).isEqualTo("Storm closes the coast road");
        assertThat(article.author()).isEqualTo("Sam Reyes");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-01-15T18:00:00Z"));
        assertThat(article.tags()).containsExactly("Weather", "Roads");
        assertThat(article.paragraphs()).hasSize(2);
    }

    @Test
    void parse_keepsOnlyTitledPost_whenPageShowsSeveralFullPosts() {
        String html = """
                <html><head><title>Why we planted a hundred trees... | Green Street Blog</title></head><body>
                <div id="primary">
                  <article class="post"><h1 class="entry-title">Why we planted a hundred trees…</h1>
                    <p>On Saturday forty neighbours met at the old car park and planted a hundred young oaks, limes and cherries along the street.</p>
                    <p>The council lent us the tools, a local nursery gave us the trees at cost, and the children watered every single one of them.</p>
                  </article>
                  <h3>You may also like</h3>
                  <article class="post"><h2><a href="/compost">Starting a street compost</a></h2>
                    <p>Composting together turned out to be easier than we thought, once we agreed on a rota and a place for the bins.</p>
                    <p>Six months later the bins are full, the gardens are greener, and nobody has complained about the smell, so far.</p>
                  </article>
                </div></body></html>
                """;

        Article article = parsers.parse("trees.html", null, html.getBytes(StandardCharsets.UTF_8)).article();

        assertThat(article.paragraphs()).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain("ompost", "bins"));
    }

    @Test
    void parse_keepsStoryParts_whenWrappersHaveUtilityOrSubscriberClasses() {
        String html = """
                <html><head><title>Port strike ends</title></head><body>
                <nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
                <div class="shared-layout"><div class="col overflow-hidden">
                  <p>Dock workers voted on Sunday to end the nine-day strike that had left more than forty ships waiting off the coast.</p>
                  <p>The vote was close, with 412 in favour and 389 against, after a meeting that lasted most of the afternoon.</p>
                </div>
                <div class="subscriber-content">
                  <p>The agreement raises wages by six percent this year and four percent next year, the union said in a statement.</p>
                  <p>Port managers expect the backlog of containers to clear within two weeks, if the weather holds, they told reporters.</p>
                </div>
                <div class="commentary-body">
                  <p>Shipping companies had warned that the strike was costing the regional economy millions of euros a day.</p>
                  <p>Several carriers had already diverted ships to ports further north, adding days to their schedules.</p>
                </div></div>
                <div class="comments"><p>Finally! My parcel has been stuck on one of those ships for a week, and nobody could tell me when it would come.</p></div>
                </body></html>
                """;

        Article article = parsers.parse("port.html", null, html.getBytes(StandardCharsets.UTF_8)).article();

        assertThat(article.paragraphs()).hasSize(6).noneMatch(p -> p.contains("parcel"));
    }

    @Test
    void parse_usesDeclaredArticleBodyAsSecondOpinion_whenJsonLdHasFullBody() {
        String p1 = "The regional hospital opened its new cancer wing on Monday, two years after building work began on the old car park.";
        String p2 = "The wing has forty beds, two radiotherapy machines and a garden that patients can reach without leaving the building.";
        String p3 = "Doctors said the new machines would cut waiting times for treatment from six weeks to less than three.";
        String p4 = "The hospital trust said it would recruit sixty more nurses over the next year to staff the wing around the clock.";
        String about = "Northfield Health is a group of hospitals serving more than a million people across the region since 1948, with six sites.";
        String html = """
                <html><head><title>Hospital opens cancer wing</title>
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Hospital opens cancer wing","articleBody":"%s %s %s %s"}</script>
                </head><body>
                <div class="lead"><p>%s</p></div>
                <div class="main"><p>%s</p><p>%s</p><p>%s</p><p>%s</p></div>
                </body></html>
                """.formatted(p1, p2, p3, p4, p1, p2, p3, p4, about);

        Article article = parsers.parse("wing.html", null, html.getBytes(StandardCharsets.UTF_8)).article();

        assertThat(article.paragraphs()).containsExactly(p1, p2, p3, p4);
    }

    @Test
    void parse_usesTitleWithoutSiteName_whenOnlyTitleElement() {
        String html = "<html><head><title>Library extends opening hours | Northshire Gazette</title></head><body>"
                + "<p>The central library will stay open until nine on weekdays from March, the council announced on Thursday.</p></body></html>";

        Article article = parsers.parse("lib.html", null, html.getBytes(StandardCharsets.UTF_8)).article();

        assertThat(article.title()).isEqualTo("Library extends opening hours");
    }

    @Test
    void parse_neverFetches_whenPageReferencesRemoteResourcesAndEntities() {
        String html = """
                <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <html><head><title>Entities</title><link rel="stylesheet" href="http://127.0.0.1:1/x.css"></head>
                <body><iframe src="http://127.0.0.1:1/frame"></iframe><img src="http://127.0.0.1:1/i.png">
                <p>The page refers to remote resources and an external entity &xxe; but none of them is ever loaded.</p></body></html>
                """;

        Article article = parsers.parse("e.html", null, html.getBytes(StandardCharsets.UTF_8)).article();

        assertThat(article.body()).doesNotContain("root:").contains("none of them is ever loaded");
    }

    @Test
    void parse_rejectsWithNoBody_whenPageIsOnlyNavigation() {
        String html = "<html><head><title>Index</title></head><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>";

        assertThatThrownBy(() -> parsers.parse("index.html", null, html.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ArticleRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.NO_BODY));
    }

    @Test
    void parse_rejectsWithNoTitle_whenPageHasNoTitleAnywhere() {
        String html = "<html><body><p>Text without any heading, title element or metadata at all, but long enough.</p></body></html>";

        assertThatThrownBy(() -> parsers.parse("untitled.html", null, html.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ArticleRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.NO_TITLE));
    }

    @Test
    void parse_flattensNestingBeyondTheDepthLimit_andKeepsTheText() {
        // 1,000 levels: deeper than the limit, small enough to parse at any limit in a unit test
        String html = "<html><head><title>Deep</title></head><body><h1>Deep</h1>" + "<div>".repeat(1_000)
                + "<p>The story, far down.</p><div><p>A second paragraph, deeper still.</p></div>"
                + "</div>".repeat(1_000) + "</body></html>";

        Document tree = HtmlArticleParser.document(html);
        Article article = parsers.parse("deep.html", null, html.getBytes(StandardCharsets.UTF_8)).article();

        assertThat(depth(tree)).isLessThanOrEqualTo(HtmlArticleParser.MAX_DEPTH);
        assertThat(article.title()).isEqualTo("Deep");
        assertThat(article.paragraphs()).containsExactly("The story, far down.", "A second paragraph, deeper still.");
    }

    /** How deep the tree's elements go (the document itself is depth 0). */
    private static int depth(Document tree) {
        AtomicInteger max = new AtomicInteger();
        tree.traverse((node, depth) -> {
            if (node instanceof Element) {
                max.accumulateAndGet(depth, Math::max);
            }
        });
        return max.get();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
