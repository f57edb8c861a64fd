package io.broadsheet.core.analysis;

import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.Insight;
import io.broadsheet.core.model.Sentiment;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.encoder.Analyzers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyser with the real encoder and the shipped sentiment head: what the analyze function runs. */
class ArticleAnalyzerTest {

    private static final ArticleAnalyzer analyzer = Analyzers.load(1);

    static List<String> english() {
        return SampleArticles.ENGLISH;
    }

    static List<String> all() {
        List<String> out = new ArrayList<>(SampleArticles.ENGLISH);
        out.add("german-report.txt");
        return out;
    }

    @ParameterizedTest
    @MethodSource("all")
    void analyze_quotesOnlyTextFoundInTheArticle(String name) {
        assertGrounded(SampleArticles.load(name));
    }

    /** The sample articles the README publishes, in every accepted format, parsed as the parse step does. */
    static List<Path> repositorySamples() throws IOException {
        try (var files = Files.list(Path.of("../../events/articles"))) {
            return files.sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("repositorySamples")
    void analyze_quotesOnlyTextFoundInTheArticle_forEveryRepositorySample(Path sample) throws IOException {
        Article article = new ArticleParsers().parse(sample.getFileName().toString(), null, Files.readAllBytes(sample)).article();

        assertThat(analyzer.analyze(article).highlights()).isNotEmpty();
        assertGrounded(article);
    }

    private void assertGrounded(Article article) {
        String body = article.body();
        Analysis analysis = analyzer.analyze(article);

        for (String highlight : analysis.highlights()) {
            assertThat(body).as("highlight").contains(highlight);
        }
        for (Insight row : analysis.insights()) {
            assertThat(body).as("insight " + row.aspect()).contains(row.description());
            assertThat(body.toLowerCase()).as("aspect").contains(row.aspect().toLowerCase());
        }
        for (String bullet : analysis.sentiment().bullets()) {
            for (String quoted : quotes(bullet)) {
                assertThat(body).as("bullet " + bullet).contains(quoted);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("english")
    void analyze_explainsAnEnglishReading_withThreeBullets(String name) {
        Sentiment sentiment = analyzer.analyze(SampleArticles.load(name)).sentiment();

        assertThat(sentiment.scored()).isTrue();
        assertThat(sentiment.score()).isBetween(0, 100);
        assertThat(sentiment.label()).isEqualTo(SentimentAnalyzer.label(sentiment.score()));
        assertThat(sentiment.bullets()).hasSize(3);
        assertThat(sentiment.bullets().get(0)).containsAnyOf("Pulls the tone down", "Nothing pulls the tone down");
        assertThat(sentiment.bullets().get(1)).containsAnyOf("Lifts the tone", "Nothing lifts the tone");
        assertThat(sentiment.bullets().get(2)).startsWith("Overall " + sentiment.label());
    }

    @Test
    void analyze_quotesTheSentencesThatMoveTheScoreMost() {
        Article article = SampleArticles.of("Phone review", "The screen is gorgeous and the camera is superb.",
                "The phone ships in a blue box.", "The battery is a disaster and dies by lunchtime.");

        List<String> bullets = analyzer.analyze(article).sentiment().bullets();

        assertThat(bullets.get(0)).startsWith("Pulls the tone down most").contains("The battery is a disaster");
        assertThat(bullets.get(1)).startsWith("Lifts the tone most").contains("The screen is gorgeous");
        assertThat(bullets.get(2)).contains("The phone ships in a blue box.");
    }

    @Test
    void analyze_readsBadNewsAsNegative_andAWarmReviewAsPositive() {
        assertThat(analyzer.analyze(SampleArticles.load("factory-layoffs.txt")).sentiment().score()).isLessThan(50);
        assertThat(analyzer.analyze(SampleArticles.load("ceasefire-talks.txt")).sentiment().score()).isLessThan(50);
        assertThat(analyzer.analyze(SampleArticles.load("bakery-review.txt")).sentiment().score()).isGreaterThan(50);
    }

    @Test
    void analyze_groundsTheBullets_inTheArticlesStrongestSentences() {
        List<String> bullets = analyzer.analyze(SampleArticles.load("bakery-review.txt")).sentiment().bullets();

        assertThat(bullets.get(0)).contains("lukewarm");
        assertThat(bullets.get(1)).contains("delight");
    }

    @Test
    void analyze_doesNotScoreANonEnglishArticle_andSaysWhy() {
        Analysis analysis = analyzer.analyze(SampleArticles.load("german-report.txt"));

        assertThat(analysis.language()).isEqualTo("de");
        assertThat(analysis.sentiment().score()).isNull();
        assertThat(analysis.sentiment().label()).isEqualTo(Sentiment.NOT_SCORED);
        assertThat(analysis.sentiment().bullets()).singleElement().asString().contains("German");
        assertThat(analysis.highlights()).isNotEmpty();
    }

    @Test
    void analyze_countsWords_andReadingTimeAtAbout230WordsAMinute() {
        String paragraph = "word ".repeat(460).strip();
        Analysis analysis = analyzer.analyze(SampleArticles.of("Title", paragraph + ".", "One more sentence here."));

        assertThat(analysis.wordCount()).isEqualTo(464);
        assertThat(analysis.readingTimeMinutes()).isEqualTo(2);
        assertThat(analyzer.analyze(SampleArticles.of("T", "Short.")).readingTimeMinutes()).isEqualTo(1);
    }

    @Test
    void analyze_findsKeywords_fromTheArticlesActorsAndTopics() {
        List<String> keywords = analyzer.analyze(SampleArticles.load("council-trams.txt")).keywords();

        assertThat(keywords).hasSizeBetween(3, KeywordExtractor.MAX_KEYWORDS).contains("Jane Smith");
        assertThat(keywords).doesNotHaveDuplicates();
    }

    @Test
    void analyze_isDeterministic() {
        Article article = SampleArticles.load("ceasefire-talks.txt");

        assertThat(Analyzers.load(1).analyze(article)).isEqualTo(analyzer.analyze(article));
    }

    @Test
    void analyze_handlesADegenerateArticle() {
        Analysis analysis = analyzer.analyze(SampleArticles.of("Untitled", "..."));

        assertThat(analysis.wordCount()).isZero();
        assertThat(analysis.readingTimeMinutes()).isEqualTo(1);
        assertThat(analysis.sentiment().bullets()).isNotEmpty();
    }

    /** The verbatim parts of a bullet: the texts between “ and ” (phrases and sentences). */
    private static List<String> quotes(String bullet) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = bullet.indexOf('“', at);
            if (open < 0) {
                return out;
            }
            // a quoted sentence may itself contain ” (nested quotes): take the last ” before the next “ or the end
            int nextOpen = bullet.indexOf('“', open + 1);
            int limit = nextOpen < 0 ? bullet.length() : nextOpen;
            int close = bullet.lastIndexOf('”', limit - 1);
            if (close <= open) {
                return out;
            }
            out.add(bullet.substring(open + 1, close));
            at = close + 1;
        }
    }

    @Test
    void analyze_countsEveryWordOfTheParagraphs_whateverTheirSpacing() {
        String alphabet = "ab Cd9 .!?…\"”)’ \t\n\u00a0\u2003\u001c\u001f-";
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 300; n++) {
            List<String> paragraphs = new ArrayList<>();
            int expected = 0;
            for (int p = 1 + random.nextInt(3); p > 0; p--) {
                StringBuilder paragraph = new StringBuilder();
                for (int i = random.nextInt(80); i > 0; i--) {
                    paragraph.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                paragraphs.add(paragraph.toString());
                expected += Words.count(paragraph.toString());
            }
            Analysis analysis = analyzer.analyze(new Article("Random text", null, null, null, List.of(), paragraphs));
            assertThat(analysis.wordCount()).as(paragraphs.toString()).isEqualTo(expected);
        }
    }
}
