package io.broadsheet.core.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A logistic head over sentence vectors: the probability that a sentence reads positive. Trained by
 * {@code broadsheet train-sentiment} on the encoder's vectors of human-labelled sentences (see
 * docs/analysis.md); the weights only make sense with the encoder they were trained on, which the
 * file names. {@code temperature} spreads the probabilities onto the 0–100 scale so that scores follow
 * the human ratings (chosen by cross-validation on the NYT ratings).
 */
public record SentimentHead(String encoder, float[] weights, float bias, float temperature) {

    public SentimentHead {
        if (weights.length == 0 || !(temperature > 0)) {
            throw new IllegalArgumentException("a sentiment head needs weights and a positive temperature");
        }
    }

    /** The head's log-odds that the sentence vector reads positive. */
    public float logit(float[] vector) {
        if (vector.length != weights.length) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, the head " + weights.length);
        }
        float z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * vector[i];
        }
        return z;
    }

    /** The sentence's tone on the 0–100 scale, 50 neutral (not rounded). */
    public double score(float[] vector) {
        return 100.0 / (1.0 + Math.exp(-logit(vector) / temperature));
    }

    /** Reads a head written by the trainer: {@code {"encoder", "temperature", "bias", "weights": [...]}}. */
    public static SentimentHead read(InputStream json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            JsonNode w = node.path("weights");
            float[] weights = new float[w.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) w.get(i).asDouble();
            }
            return new SentimentHead(node.path("encoder").asText(), weights, (float) node.path("bias").asDouble(),
                    (float) node.path("temperature").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the sentiment head", e);
        }
    }
}
