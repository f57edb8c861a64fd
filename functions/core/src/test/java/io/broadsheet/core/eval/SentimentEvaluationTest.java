package io.broadsheet.core.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SentimentEvaluationTest {

    @Test
    void run_scoresALabelledFile_withTheFiftyPercentThreshold(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(SentimentEvaluation.FILE), """
                {"id": "a", "text": "The staff were wonderful and the room was spotless.", "label": "positive"}
                {"id": "b", "text": "The heater broke and nobody came to fix it.", "label": "negative"}
                {"id": "c", "text": "The meeting is on Tuesday at noon.", "label": "negative"}
                """);

        SentimentEvaluation.Result result = SentimentEvaluation.run(dir);

        assertThat(result.n()).isEqualTo(3);
        assertThat(result.correct()).isEqualTo(2);
        assertThat(result.misses()).singleElement().extracting(SentimentEvaluation.Miss::id).isEqualTo("c");
    }

    /** The development set lives outside the repository; on a clone without it this test is skipped. */
    @Test
    void developmentSet_accuracyIsAtLeast082() throws Exception {
        Optional<Path> dir = SentimentEvaluation.locateDefault();
        assumeTrue(dir.isPresent(), "sentiment development set not present");

        SentimentEvaluation.Result result = SentimentEvaluation.run(dir.get());

        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.82);
    }
}
