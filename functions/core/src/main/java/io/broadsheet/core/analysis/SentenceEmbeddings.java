package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The encoder's vectors of an article's sentences, computed once and shared by sentiment and
 * highlights. A long article is encoded from a sample: its opening sentences (where highlights come
 * from) and then sentences spread evenly over the rest, so the cost of a page is bounded whatever the
 * article's length.
 *
 * @param indices the encoded sentences' positions in the article, ascending
 * @param vectors {@code vectors[i]} is the unit vector of sentence {@code indices[i]}
 */
public record SentenceEmbeddings(int[] indices, float[][] vectors) {

    /** At most this many sentences of an article are encoded (about 2,500 words of news). */
    static final int MAX_ENCODED = 120;
    /** The opening sentences always encoded. */
    static final int OPENING = 20;

    static SentenceEmbeddings encode(SentenceEncoder encoder, List<String> sentences) {
        int[] indices = sample(sentences.size());
        List<String> texts = new ArrayList<>(indices.length);
        for (int index : indices) {
            texts.add(sentences.get(index));
        }
        return new SentenceEmbeddings(indices, encoder.encode(texts));
    }

    /** Every sentence of a short text; of a long one the opening and an even spread of the rest. */
    static int[] sample(int sentences) {
        if (sentences <= MAX_ENCODED) {
            int[] all = new int[sentences];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] picked = new int[MAX_ENCODED];
        for (int i = 0; i < OPENING; i++) {
            picked[i] = i;
        }
        int rest = MAX_ENCODED - OPENING;
        double step = (sentences - OPENING) / (double) rest;
        for (int i = 0; i < rest; i++) {
            picked[OPENING + i] = OPENING + (int) Math.floor(i * step);
        }
        return picked;
    }

    /** The vector of the article's sentence, or null when it was not encoded. */
    float[] vectorOf(int sentence) {
        int at = Arrays.binarySearch(indices, sentence);
        return at >= 0 ? vectors[at] : null;
    }

    static float dot(float[] a, float[] b) {
        float sum = 0f;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
