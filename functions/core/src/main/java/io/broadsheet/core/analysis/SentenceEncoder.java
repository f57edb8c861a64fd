package io.broadsheet.core.analysis;

import java.util.List;

/**
 * The port to a sentence encoder: each text becomes a unit-length vector whose dot products
 * measure how close two texts are in meaning. Sentiment, highlights and key insights all read the
 * same vectors, so an article is encoded once. The model itself (ONNX Runtime and its weights) lives
 * outside core, in the module only the analyze function and the local cloud carry.
 */
public interface SentenceEncoder {

    /** The length of every vector {@link #encode} returns. */
    int dimensions();

    /** One L2-normalised vector per text, in the order given. */
    float[][] encode(List<String> texts);

    /** The vector scaled to length 1 (a zero vector stays zero), as {@link #encode} returns them. */
    static float[] unitLength(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
