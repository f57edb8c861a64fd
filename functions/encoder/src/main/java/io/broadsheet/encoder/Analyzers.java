package io.broadsheet.encoder;

import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.analysis.SentimentHead;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The production {@link ArticleAnalyzer}: bge-small-en-v1.5 (int8) and the sentiment head trained on
 * its vectors ({@value #SENTIMENT_HEAD}, written by {@code broadsheet train-sentiment}). Loading takes
 * about a second; build one per process (the analyze function does it before its SnapStart snapshot).
 */
public final class Analyzers {

    public static final String SENTIMENT_HEAD = "/io/broadsheet/encoder/sentiment-head.json";

    private Analyzers() {
    }

    /** @param threads ONNX Runtime's intra-op threads: 1 on Lambda, more for batch work */
    public static ArticleAnalyzer load(int threads) {
        return new ArticleAnalyzer(OnnxSentenceEncoder.load(threads), sentimentHead());
    }

    public static SentimentHead sentimentHead() {
        try (InputStream in = Analyzers.class.getResourceAsStream(SENTIMENT_HEAD)) {
            if (in == null) {
                throw new IllegalStateException(SENTIMENT_HEAD + " is missing from the class path");
            }
            return SentimentHead.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
