package io.broadsheet.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.broadsheet.core.analysis.SentenceEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code BAAI/bge-small-en-v1.5}, quantised to int8, run by ONNX Runtime on the CPU. The model and
 * its tokenizer are resources of a Maven Central jar, read from the class path: nothing is
 * downloaded at run time. bge reads a sentence through its {@code [CLS]} token; the vector is that
 * token's last hidden state, L2-normalised. Sentences are encoded in batches of similar length so
 * that padding costs little. Thread-safe (ONNX Runtime sessions are); one instance per process.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder, AutoCloseable {

    static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
    static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
    /** Tokens per sentence read (with [CLS] and [SEP]); a news sentence rarely reaches it. */
    static final int MAX_TOKENS = 128;
    private static final int BATCH_SIZE = 16;
    private static final int DIMENSIONS = 384;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTokenTypes;

    private OnnxSentenceEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /**
     * Loads the model from the class path. {@code threads} bounds ONNX Runtime's intra-op pool: 1 on
     * Lambda (a 1 GB function has less than one vCPU), more for batch work such as training.
     */
    public static OnnxSentenceEncoder load(int threads) {
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(resource(MODEL_RESOURCE), options);
            HuggingFaceTokenizer tokenizer;
            try (InputStream json = stream(TOKENIZER_RESOURCE)) {
                tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of(
                        "maxLength", String.valueOf(MAX_TOKENS), "truncation", "true", "padding", "false"));
            }
            return new OnnxSentenceEncoder(environment, session, tokenizer);
        } catch (OrtException | IOException e) {
            throw new IllegalStateException("Could not load the sentence encoder: " + e.getMessage(), e);
        }
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[][] encode(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        if (texts.isEmpty()) {
            return vectors;
        }
        Encoding[] encodings = new Encoding[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            encodings[i] = tokenizer.encode(texts.get(i));
        }
        int[] order = IntStream.range(0, texts.size()).boxed()
                .sorted(Comparator.comparingInt(i -> encodings[i].getIds().length))
                .mapToInt(Integer::intValue).toArray();
        for (int start = 0; start < order.length; start += BATCH_SIZE) {
            int[] batch = Arrays.copyOfRange(order, start, Math.min(order.length, start + BATCH_SIZE));
            float[][] batchVectors = run(batch, encodings);
            for (int b = 0; b < batch.length; b++) {
                vectors[batch[b]] = batchVectors[b];
            }
        }
        return vectors;
    }

    private float[][] run(int[] batch, Encoding[] encodings) {
        int length = 0;
        for (int index : batch) {
            length = Math.max(length, encodings[index].getIds().length);
        }
        long[] ids = new long[batch.length * length];
        long[] mask = new long[batch.length * length];
        for (int b = 0; b < batch.length; b++) {
            long[] tokenIds = encodings[batch[b]].getIds();
            System.arraycopy(tokenIds, 0, ids, b * length, tokenIds.length);
            Arrays.fill(mask, b * length, b * length + tokenIds.length, 1L);
        }
        long[] shape = {batch.length, length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = wantsTokenTypes
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] vectors = new float[batch.length][];
                for (int b = 0; b < batch.length; b++) {
                    vectors[b] = SentenceEncoder.unitLength(hidden[b][0]);
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The sentence encoder failed: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = OnnxSentenceEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (the langchain4j bge-small-en-v1.5-q jar carries it)");
        }
        return in;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            tokenizer.close();
        }
    }
}
