package io.broadsheet.encoder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OnnxSentenceEncoderTest {

    static final OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(1);

    @AfterAll
    static void close() {
        encoder.close();
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void encode_givesOneUnitVectorPerSentence_inTheOrderGiven() {
        float[][] vectors = encoder.encode(List.of("The ferry is back.", "A short one.", "The harbour ferry resumed service on Monday after three weeks of storm repairs."));

        assertThat(vectors).hasNumberOfRows(3);
        for (float[] vector : vectors) {
            assertThat(vector).hasSize(encoder.dimensions());
            assertThat(dot(vector, vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        float[] alone = encoder.encode(List.of("A short one."))[0];
        assertThat(dot(alone, vectors[1])).isGreaterThan(0.99);
    }

    @Test
    void sentencesAboutTheSameThing_areCloserThanUnrelatedOnes() {
        float[][] v = encoder.encode(List.of(
                "The ferry returned to service after repairs.",
                "Boat service resumed once the ship was fixed.",
                "The central bank raised interest rates."));

        assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]) + 0.1);
    }
}
