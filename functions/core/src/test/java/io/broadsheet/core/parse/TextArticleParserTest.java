package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextArticleParserTest {

    private final ArticleParsers parsers = new ArticleParsers();

    private Article parse(String text) {
        return parsers.parse("story.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)).article();
    }

    @Test
    void parse_keepsStoryAlone_whenTextIsExportedFromNewsPage() {
        // GIVEN a page copied from a news site: highlights, sentiment box, share line, repeated title, insights table
        Article article = parsers.parse("export.txt", null, ParseTestFiles.bytes("news-export.txt")).article();

        // THEN only the story's paragraphs remain, and the furniture gave the metadata
        assertThat(article.title()).isEqualTo("Council backs two new tram lines in transit budget");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-09-05T00:00:00Z"));
        assertThat(article.tags()).containsExactly("Transit", "Budget");
        assertThat(article.author()).isEqualTo("Jane Doe");
        assertThat(article.authorRole()).isEqualTo("Transport correspondent");
        assertThat(article.paragraphs()).containsExactly(
                "The city council voted on Friday to fund two new tram lines, the largest expansion of the network in thirty years, after a debate that ran late into the evening.",
                "The £2.1bn transit budget, approved by 38 votes to 12, sets aside money for a northern line to the hospital district and an eastern line along the old canal, with construction due to start in the spring of 2027.",
                "“This is the moment the city stops talking about congestion and starts doing something about it,” said Councillor Amara Okafor, who chairs the transport committee.",
                "Opposition members argued the plan leans too heavily on a fare freeze that the budget office has called “optimistic”, and they warned that delays on the bridge works could push costs higher.");
    }

    @Test
    void parse_skipsMastheadNavigationAndSection_whenAWholePageWasCopied() {
        // GIVEN the site's name, its navigation bar and a section label above the headline
        Article article = parse("""
                The Coastal Courier
                Home | World | Business | Sport | Opinion | Subscribe

                Business

                Pacific Trade Pact Cuts Tariffs on Farm Goods

                Published: 5 Sep 2025

                Five Pacific economies signed a trade agreement in Wellington on Friday.

                Farm exporters are expected to be the first winners of the pact.
                """);

        assertThat(article.title()).isEqualTo("Pacific Trade Pact Cuts Tariffs on Farm Goods");
        assertThat(article.paragraphs()).containsExactly(
                "Five Pacific economies signed a trade agreement in Wellington on Friday.",
                "Farm exporters are expected to be the first winners of the pact.");
    }

    @Test
    void parse_keepsTheFirstLineAsTitle_whenAShortLineFollowsWithoutNavigation() {
        Article article = parse("""
                Tram lines approved
                A long subtitle line that has more words than the headline above it

                The council approved two new tram lines on Friday after a long debate.
                """);

        assertThat(article.title()).isEqualTo("Tram lines approved");
    }

    @Test
    void parse_readsHeaderLines_whenPlainArticle() {
        Article article = parse("""
                Harbour ferry returns after two years
                By: Sam Reyes
                Date: 5 Sep 2025
                Tags: Ferries, #Harbour, ferries

                The ferry across the harbour runs again from Monday,
                every twenty minutes at peak times.

                New boats arrive next year, the operator said.
                """);

        assertThat(article.title()).isEqualTo("Harbour ferry returns after two years");
        assertThat(article.author()).isEqualTo("Sam Reyes");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-09-05T00:00:00Z"));
        assertThat(article.tags()).containsExactly("Ferries", "Harbour");
        assertThat(article.paragraphs()).containsExactly(
                "The ferry across the harbour runs again from Monday, every twenty minutes at peak times.",
                "New boats arrive next year, the operator said.");
    }

    @Test
    void parse_readsDateLinesInCommonFormats_whenPublishedOrUpdated() {
        assertThat(parse("T\nPublished: September 5, 2025\n\nBody text here.").publishedAt())
                .isEqualTo(Instant.parse("2025-09-05T00:00:00Z"));
        assertThat(parse("T\nUpdated: 2025-09-05T14:20:00Z\n\nBody text here.").publishedAt())
                .isEqualTo(Instant.parse("2025-09-05T14:20:00Z"));
        assertThat(parse("T\nLast edited at: Sep. 5, 2025 3:15 PM\n\nBody text here.").publishedAt())
                .isEqualTo(Instant.parse("2025-09-05T15:15:00Z"));
    }

    @Test
    void parse_dropsBoxes_whenExportHasNoRepeatedTitle() {
        Article article = parse("""
                Night buses return on four routes
                Published: 2025-09-05

                Highlights

                Night buses return on Friday on four routes after a two-year pause.

                Sentiment analysis
                71% Positive
                • Lifted by "a service people asked for".

                Night buses run again from Friday on four routes, the transport authority said.

                Drivers' unions welcomed the decision after two years of talks.

                Key Insights
                Aspect	Description
                Night buses	Four routes return on Friday.
                """);

        assertThat(article.paragraphs()).containsExactly(
                "Night buses run again from Friday on four routes, the transport authority said.",
                "Drivers' unions welcomed the decision after two years of talks.");
    }

    @Test
    void parse_dropsTableRows_whenTabSeparatedWithoutHeading() {
        Article article = parse("Budget\n\nThe council approved the budget on Friday.\n\nAspect\tDescription\nTrams\tTwo new lines.\n\n"
                + "Work starts in 2027.\n");

        assertThat(article.paragraphs()).containsExactly("The council approved the budget on Friday.", "Work starts in 2027.");
    }

    @Test
    void parse_dropsPageFurnitureLines_whenCopiedFromBrowser() {
        Article article = parse("""
                Storm closes the coast road
                Updated 3 hours ago
                4 min read

                Image caption: Waves over the sea wall at Kelby on Monday

                The coast road was closed on Monday evening after waves pushed rocks across both lanes.

                Advertisement

                Crews expect to reopen it by Wednesday, the county said.
                """);

        assertThat(article.paragraphs()).containsExactly(
                "The coast road was closed on Monday evening after waves pushed rocks across both lanes.",
                "Crews expect to reopen it by Wednesday, the county said.");
    }

    @Test
    void parse_keepsStory_whenHeadlineIsRepeatedAfterIt() {
        Article article = parse("Tram vote\n\nThe council voted for the trams.\n\nIt was close.\n\nMore like this\n\nTram vote\n");

        assertThat(article.paragraphs()).containsExactly("The council voted for the trams.", "It was close.");
    }

    @Test
    void parse_keepsSentenceStartingWithBy_asParagraph() {
        Article article = parse("Budget vote\n\nBy Friday, the council will decide on the budget.\n");

        assertThat(article.author()).isNull();
        assertThat(article.paragraphs()).containsExactly("By Friday, the council will decide on the budget.");
    }

    @Test
    void parse_takesTrailingDashByline_asAuthor() {
        Article article = parse("Title\n\nThe story is one paragraph long and ends here.\n\n— Jane Doe\n");

        assertThat(article.author()).isEqualTo("Jane Doe");
        assertThat(article.authorRole()).isNull();
        assertThat(article.paragraphs()).containsExactly("The story is one paragraph long and ends here.");
    }

    @Test
    void parse_keepsOneParagraphPerLine_whenLinesAreLongAndNotWrapped() {
        String first = "The first paragraph is written on one long line, as browsers copy it, without any blank line after it.";
        String second = "The second paragraph follows directly on the next line, which is how many sites export their text.";

        assertThat(parse("Title\n" + first + "\n" + second + "\n").paragraphs()).containsExactly(first, second);
    }

    @Test
    void parse_normalisesUnicodeAndStripsControlCharacters() {
        Article article = parse("Cafe\u0301 opens\n\nThe cafe\u0301\u0007 opens\u00a0today\u200b at nine.");

        assertThat(article.title()).isEqualTo("Café opens");
        assertThat(article.paragraphs()).containsExactly("The café opens today at nine.");
    }

    @Test
    void parse_rejectsAsInvalidEncoding_whenTextIsNotUtf8() {
        // Text formats must be UTF-8 (or carry a BOM): the same rule offline and in the parse step.
        byte[] bytes = "Caf\u00e9 news\n\nThe caf\u00e9 reopened on the harbour front.".getBytes(java.nio.charset.Charset.forName("windows-1252"));

        assertThatThrownBy(() -> parsers.parse("c.txt", null, bytes))
                .isInstanceOfSatisfying(ArticleRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_ENCODING));
    }

    @Test
    void parse_rejectsWithNoBody_whenOnlyTitle() {
        assertThatThrownBy(() -> parse("Just a title\n\n"))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.NO_BODY));
    }

    @Test
    void parse_rejectsAsEmpty_whenOnlyWhitespace() {
        assertThatThrownBy(() -> parse(" \n\t\n"))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.EMPTY));
    }
}
