package io.broadsheet.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.core.render.SampleArticles.Sample;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in every field reaches readers as text, never as markup. The page is parsed the way
 * a browser parses it (jsoup implements the HTML5 parsing algorithm) and its DOM inspected.
 */
class HostileArticlePageTest {

    private static final SiteRenderer RENDERER = new SiteRenderer(new SiteSettings("https://news.example.org/", "The Broadsheet"));
    /** Attributes a browser resolves as URLs (and may navigate to or fetch). */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "srcset", "action", "formaction", "xlink:href",
            "poster", "data", "background", "cite", "ping");
    private final Sample hostile = SampleArticles.hostile();

    @Test
    void articlePage_hasNoScriptButJsonLd_whenTextIsHostile() {
        Document page = Jsoup.parse(RENDERER.articlePage(hostile.record(), hostile.article()));

        Elements scripts = page.select("script");
        assertThat(scripts).hasSize(1);
        assertThat(scripts.first().attr("type")).isEqualTo("application/ld+json");
        assertThat(page.select("img, iframe, svg[onload], a[href^=javascript], b")).isEmpty();
        assertNoActiveMarkup(page);
    }

    @Test
    void articlePage_showsHostileTextAsText() {
        Document page = Jsoup.parse(RENDERER.articlePage(hostile.record(), hostile.article()));

        assertThat(page.selectFirst("h1").text()).isEqualTo(hostile.record().title());
        assertThat(page.selectFirst(".byline .author").text()).isEqualTo("<img src=x onerror=alert('author')>");
        assertThat(page.select(".tags li").eachText()).contains("#<script>alert('tag')</script>", "#javascript:alert(1)");
        assertThat(page.select(".article-text p").get(0).text()).contains("<script>alert('body')</script>");
        assertThat(page.select(".insights tbody th").get(0).text()).isEqualTo("<img src=x onerror=alert('aspect')>");
        assertThat(page.select(".insights tbody td").get(1).text()).isEqualTo("</td></tr></table><script>alert('insight')</script>");
        assertThat(page.select(".insights tbody tr")).hasSize(2);
        assertThat(page.title()).startsWith(hostile.record().title());
        assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(hostile.record().title());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("und");
    }

    @Test
    void jsonLd_parsesAsJson_andHoldsHostileTitleAsData() throws Exception {
        String html = RENDERER.articlePage(hostile.record(), hostile.article());
        Document page = Jsoup.parse(html);

        String json = page.selectFirst("script[type=application/ld+json]").data();
        JsonNode ld = new ObjectMapper().readTree(json);
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asText()).isEqualTo(hostile.record().title());
        assertThat(ld.get("author").get("name").asText()).isEqualTo("<img src=x onerror=alert('author')>");
        assertThat(json).doesNotContain("<", ">", "&");
        assertThat(json).contains("\\u003C/script\\u003E");
    }

    @Test
    void tagLinks_pointToSlugPages_whatEverTheTagSays() {
        Document page = Jsoup.parse(RENDERER.articlePage(hostile.record(), hostile.article()));

        List<String> hrefs = page.select(".tags a").eachAttr("href");
        assertThat(hrefs).isNotEmpty().allMatch(h -> h.matches("tags/[a-z0-9-]+\\.html"));
    }

    @Test
    void listingsAndFeed_escapeHostileText() {
        Document index = Jsoup.parse(RENDERER.index(List.of(hostile.record())));
        Document tagPage = Jsoup.parse(RENDERER.tagPage("Safe", List.of(hostile.record())));

        for (Document page : List.of(index, tagPage)) {
            assertThat(page.select("script, img, svg")).isEmpty();
            assertNoActiveMarkup(page);
            assertThat(page.selectFirst(".card h2 a").text()).isEqualTo(hostile.record().title());
        }
        String feed = RENDERER.feed(List.of(hostile.record()));
        assertThat(feed).doesNotContain("<script", "<img");
    }

    private static void assertNoActiveMarkup(Document page) {
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).as("attribute on <%s>", element.tagName())
                        .doesNotStartWith("on");
                if (URL_ATTRIBUTES.contains(attribute.getKey().toLowerCase(Locale.ROOT))) {
                    assertThat(attribute.getValue().strip().toLowerCase(Locale.ROOT)).as("%s on <%s>", attribute.getKey(), element.tagName())
                            .doesNotStartWith("javascript:");
                }
            }
        }
        for (Element meta : page.select("meta[property=og:url]")) {
            assertThat(meta.attr("content")).startsWith("https://news.example.org/");
        }
    }
}
