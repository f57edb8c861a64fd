package io.broadsheet.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.core.render.SampleArticles.Sample;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SiteRendererTest {

    private final SiteRenderer renderer = new SiteRenderer(new SiteSettings("https://news.example.org", "The Broadsheet"));
    private final Sample tram = SampleArticles.tramLines();

    private Document page(Sample sample) {
        return Jsoup.parse(renderer.articlePage(sample.record(), sample.article()));
    }

    @Test
    void articlePage_showsPageAnatomy() {
        Document page = page(tram);

        assertThat(page.selectFirst("h1").text()).isEqualTo(tram.record().title());
        assertThat(page.selectFirst(".byline").text()).isEqualTo("By Maya Okafor, Transport correspondent");
        assertThat(page.selectFirst(".meta").text()).isEqualTo("Last edited at 5 September 2025, 14:30 UTC · 1 min read");
        assertThat(page.selectFirst(".meta time").attr("datetime")).isEqualTo("2025-09-05T14:30:00Z");
        assertThat(page.select(".tags a").eachText()).containsExactly("#Transport", "#CityCouncil", "#ClimateChange");
        assertThat(page.select(".tags a").eachAttr("href"))
                .containsExactly("tags/transport.html", "tags/citycouncil.html", "tags/climatechange.html");
        assertThat(page.selectFirst(".highlights p").text()).isEqualTo(tram.record().analysis().highlightParagraph());
        assertThat(page.selectFirst(".sentiment .percent").text()).isEqualTo("72%");
        assertThat(page.selectFirst(".sentiment .label").text()).isEqualTo("positive");
        assertThat(page.select(".sentiment .drivers li")).hasSize(3);
        assertThat(page.select(".article-text p").eachText()).isEqualTo(tram.article().paragraphs());
        assertThat(page.select(".insights tbody tr")).hasSize(4);
        assertThat(page.select(".insights thead th").eachText()).containsExactly("Aspect", "Description");
        assertThat(page.selectFirst(".story-foot a").attr("href")).isEqualTo("articles/" + tram.id() + ".json");
    }

    @Test
    void articlePage_drawsGaugeNeedleAtScore() {
        Document page = page(tram);

        var needle = page.selectFirst("svg.gauge line");
        double angle = Math.atan2(100 - Double.parseDouble(needle.attr("y2")), Double.parseDouble(needle.attr("x2")) - 100);
        assertThat(Math.toDegrees(angle)).isCloseTo(180 * (1 - 0.72), org.assertj.core.data.Offset.offset(0.5));
        assertThat(page.selectFirst(".sentiment").hasClass("tone-positive")).isTrue();
    }

    @Test
    void articlePage_saysWhyNotScored_whenScoreIsNull() {
        Document page = page(SampleArticles.notScored());

        assertThat(page.select("svg.gauge")).isEmpty();
        assertThat(page.selectFirst(".not-scored").text())
                .isEqualTo("Not scored. The sentiment model does not read this article's language (German), so its tone was not measured.");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("de");
    }

    @Test
    void articlePage_carriesCanonicalOpenGraphTwitterAndJsonLd() throws Exception {
        Document page = page(tram);
        String url = "https://news.example.org/" + tram.id() + ".html";

        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(page.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(url);
        assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(tram.record().title());
        assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(page.select("meta[property=article:tag]").eachAttr("content")).containsExactly("Transport", "CityCouncil", "ClimateChange");
        JsonNode ld = new ObjectMapper().readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asText()).isEqualTo(tram.record().title());
        assertThat(ld.get("datePublished").asText()).isEqualTo("2025-09-05T14:30:00Z");
        assertThat(ld.get("dateModified").asText()).isEqualTo("2025-09-05T15:02:11Z");
        assertThat(ld.get("author").get("name").asText()).isEqualTo("Maya Okafor");
        assertThat(ld.get("mainEntityOfPage").get("@id").asText()).isEqualTo(url);
        assertThat(ld.get("publisher").get("name").asText()).isEqualTo("The Broadsheet");
        assertThat(ld.get("inLanguage").asText()).isEqualTo("en");
    }

    @Test
    void articlePage_isIdentical_whenRenderedTwice() {
        assertThat(renderer.articlePage(tram.record(), tram.article())).isEqualTo(renderer.articlePage(tram.record(), tram.article()));
    }

    @Test
    void articlePage_writesJsonLdKeysInFixedOrder_soEveryJvmRendersTheSameBytes() throws Exception {
        // Map.of's iteration order is chosen at random per JVM; twice in one JVM cannot show it
        JsonNode ld = new ObjectMapper().readTree(page(tram).selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.get("mainEntityOfPage").fieldNames()).toIterable().containsExactly("@type", "@id");
        assertThat(ld.get("publisher").fieldNames()).toIterable().containsExactly("@type", "name", "url");
    }

    @Test
    void articlePage_showsDayOnly_whenSourceGaveNoTime() {
        assertThat(page(SampleArticles.plantClosure()).selectFirst(".meta time").text()).isEqualTo("14 October 2025");
    }

    @Test
    void index_showsBadgeAndHighlight_inGivenOrder() {
        List<Sample> samples = List.of(SampleArticles.plantClosure(), SampleArticles.notScored(), tram);

        Document index = Jsoup.parse(renderer.index(samples.stream().map(Sample::record).toList()));

        assertThat(index.select(".card h2 a").eachText()).containsExactly(
                samples.get(0).record().title(), samples.get(1).record().title(), tram.record().title());
        assertThat(index.select(".card").eachAttr("lang")).containsExactly("en", "de", "en");
        assertThat(index.select(".card .badge").eachText()).containsExactly("18% very negative", "Not scored", "72% positive");
        assertThat(index.select(".card .teaser").get(2).text()).startsWith("The city council voted 31 to 9").endsWith("\u2026");
        assertThat(index.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://news.example.org/");
        assertThat(index.selectFirst("link[rel=alternate]").attr("href")).isEqualTo("feed.xml");
    }

    @Test
    void tagPage_linksBackToRoot() {
        Document page = Jsoup.parse(renderer.tagPage("ClimateChange", List.of(tram.record())));

        assertThat(page.selectFirst("h1").text()).isEqualTo("#ClimateChange");
        assertThat(page.selectFirst(".card h2 a").attr("href")).isEqualTo("../" + tram.id() + ".html");
        assertThat(page.selectFirst(".card .tags a").attr("href")).isEqualTo("../tags/transport.html");
        assertThat(page.selectFirst("a.brand").attr("href")).isEqualTo("../index.html");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://news.example.org/tags/climatechange.html");
    }

    @Test
    void tag_isShownWithoutLink_whenItHasNoLetterAUrlCanCarry() {
        Sample tagged = tram.updated(List.of("\u65e5\u672c", "Transport"), tram.record().updatedAt());

        Document page = page(tagged);

        assertThat(page.select(".tags li").eachText()).containsExactly("#\u65e5\u672c", "#Transport");
        assertThat(page.select(".tags a").eachAttr("href")).containsExactly("tags/transport.html");
        assertThat(renderer.sitemap(List.of(tagged.record()))).doesNotContain("tags/.html");
    }

    @Test
    void feedAndSitemap_dropCharactersXmlCannotCarry() {
        Sample hostile = SampleArticles.hostile();

        String feed = renderer.feed(List.of(hostile.record()));

        assertThat(feed).doesNotContain("\u0000", "\u0007");
    }
}
