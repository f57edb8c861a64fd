package io.broadsheet.core.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ExtractionEvaluationTest {

    @Test
    void score_countsSharedFourWordShingles() {
        // expected: 6 words -> 3 shingles; predicted adds one word at the end -> 4 shingles, 3 shared
        ExtractionEvaluation.PageScore score = ExtractionEvaluation.score("p",
                "the council voted on friday night again", "the council voted on friday night", null);

        assertThat(score.precision()).isCloseTo(0.75, within(1e-9));
        assertThat(score.recall()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void score_isZero_whenPredictionIsEmptyAndOne_whenBothAre() {
        assertThat(ExtractionEvaluation.score("p", "", "one two three four five", null).precision()).isZero();
        assertThat(ExtractionEvaluation.score("p", "", "one two three four five", null).recall()).isZero();
        assertThat(ExtractionEvaluation.score("p", "", "", null).precision()).isEqualTo(1.0);
    }

    @Test
    void run_scoresEveryPageOfTheDataset(@TempDir Path dir) throws IOException {
        String body = "The city council voted on Friday to fund two new tram lines, the largest expansion in thirty years.";
        Files.writeString(dir.resolve("ground-truth.json"), "{\"a\": {\"articleBody\": \"" + body + "\"}}");
        Files.createDirectories(dir.resolve("html"));
        String page = "<html><head><title>Trams</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                + "<article><h1>Trams</h1><p>" + body + "</p></article>"
                + "<div class='comments'><p>A reader wrote a long comment that has nothing to do with the story at all, really.</p></div>"
                + "</body></html>";
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/a.html.gz")))) {
            out.write(page.getBytes(StandardCharsets.UTF_8));
        }

        ExtractionEvaluation.Result result = ExtractionEvaluation.run(dir);

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.f1()).isEqualTo(1.0);
    }

    /** The development set lives outside the repository; where it is present the target must hold. */
    @Test
    void run_reachesTargetF1_onDevelopmentSetWhenPresent() {
        Path dataset = developmentSet();
        assumeTrue(dataset != null, "development set not present");

        ExtractionEvaluation.Result result = ExtractionEvaluation.run(dataset);

        assertThat(result.count()).isEqualTo(120);
        assertThat(result.f1()).isGreaterThanOrEqualTo(0.96);
    }

    /** {@code -Dbroadsheet.eval.extraction=<dir>}, else {@code shared/eval/article-extraction} beside a parent folder. */
    private static Path developmentSet() {
        String configured = System.getProperty("broadsheet.eval.extraction");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/eval/article-extraction");
            if (Files.isRegularFile(candidate.resolve("ground-truth.json"))) {
                return candidate;
            }
        }
        return null;
    }
}
