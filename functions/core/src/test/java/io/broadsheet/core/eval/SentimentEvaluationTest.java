package io.broadsheet.core.eval;

import io.broadsheet.core.model.Sentiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SentimentEvaluationTest {

    /** A stand-in reader: "good" 80 %, "bad" 20 %, "meh" exactly 50 %, anything else not scored. */
    private static final Function<String, Sentiment> READER = text -> text.contains("good") ? new Sentiment(80, "positive", List.of())
            : text.contains("bad") ? new Sentiment(20, "negative", List.of())
            : text.contains("meh") ? new Sentiment(50, "neutral", List.of())
            : new Sentiment(null, Sentiment.NOT_SCORED, List.of());

    @Test
    void run_countsFiftyAndUnscoredAsWrong_andReportsBalancedAccuracy(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("product-reviews.jsonl"), """
                {"id":"a","text":"good","label":"positive"}
                {"id":"b","text":"bad","label":"negative"}
                {"id":"c","text":"meh","label":"positive"}
                {"id":"d","text":"???","label":"negative"}
                """);

        SentimentEvaluation.SetResult result = SentimentEvaluation.run(dir, READER).get(0);

        assertThat(result.set()).isEqualTo("product-reviews");
        assertThat(result.n()).isEqualTo(4);
        assertThat(result.correct()).isEqualTo(2);
        assertThat(result.unscored()).isEqualTo(1);
        assertThat(result.balancedAccuracy()).isEqualTo(0.5);
        assertThat(result.pearson()).isNaN();
    }

    @Test
    void run_countsOnlyClearNytSentencesInAccuracy_butEveryRatedOneInPearson(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("news-nyt-sentences.jsonl"), """
                {"id":"1","article":"x","text":"good","score":2.0,"label":"positive"}
                {"id":"2","article":"x","text":"bad","score":-1.5,"label":"negative"}
                {"id":"3","article":"x","text":"good too","score":0.2,"label":"neutral"}
                """);

        SentimentEvaluation.SetResult result = SentimentEvaluation.run(dir, READER).get(0);

        assertThat(result.n()).isEqualTo(2);
        assertThat(result.accuracy()).isEqualTo(1.0);
        assertThat(result.pearson()).isCloseTo(Statistics.pearson(List.of(
                new double[] {80, 2.0}, new double[] {20, -1.5}, new double[] {80, 0.2})), within(1e-9));
    }
}
