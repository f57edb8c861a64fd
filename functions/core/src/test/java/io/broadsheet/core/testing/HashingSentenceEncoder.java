package io.broadsheet.core.testing;

import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.analysis.SentenceEncoder;
import io.broadsheet.core.analysis.SentimentHead;

import java.util.List;
import java.util.Locale;

/**
 * A stand-in for the sentence encoder in tests that do not judge what the analysis says: each word
 * hashed into one of 384 dimensions, the counts normalised. Texts that share words are close, so
 * redundancy checks behave sensibly; no model is loaded. The neutral head reads every sentence 50 %.
 */
public final class HashingSentenceEncoder implements SentenceEncoder {

    public static final int DIMENSIONS = 384;

    /** An analyser over this encoder with a head that reads everything as neutral. */
    public static ArticleAnalyzer analyzer() {
        return new ArticleAnalyzer(new HashingSentenceEncoder(), new SentimentHead("hashing", new float[DIMENSIONS], 0f, 1f));
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[][] encode(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        for (int t = 0; t < texts.size(); t++) {
            float[] vector = new float[DIMENSIONS];
            for (String word : texts.get(t).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    vector[Math.floorMod(word.hashCode(), DIMENSIONS)]++;
                }
            }
            vectors[t] = SentenceEncoder.unitLength(vector);
        }
        return vectors;
    }
}
