package io.broadsheet.local.load;

import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.SourceFormat;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A mixed load of uploads, as a newsroom's feeds would drop them: every accepted format in turn
 * (Markdown, text, HTML, JSON) and lengths spread log-uniformly between a short and a long article,
 * so most are a few hundred to a few thousand words and some are long. Deterministic per seed.
 */
public final class ArticleMix {

    private static final SourceFormat[] FORMATS = {SourceFormat.MARKDOWN, SourceFormat.TEXT, SourceFormat.HTML, SourceFormat.JSON};

    private ArticleMix() {
    }

    /**
     * @param folder   folder under {@code incoming/} the keys go into
     * @param count    how many uploads
     * @param minWords shortest body
     * @param maxWords longest body
     */
    public static List<Upload> uploads(String folder, int count, int minWords, int maxWords, long seed) {
        if (minWords < 1 || maxWords < minWords) {
            throw new IllegalArgumentException("need 1 <= min words <= max words, got " + minWords + ".." + maxWords);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Upload> uploads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int words = (int) Math.round(minWords * Math.pow((double) maxWords / minWords, random.nextDouble()));
            SourceFormat format = FORMATS[i % FORMATS.length];
            String key = ArticleKeys.INCOMING + folder + "/" + String.format("story-%05d-%dw.%s", i, words, format.extension());
            uploads.add(new Upload(key, ArticleGenerator.bytes(format, words, random.nextLong()), format, words));
        }
        return uploads;
    }

    /** Puts one upload and returns when S3 answered. */
    public static void put(S3Client s3, String bucket, Upload upload) {
        s3.putObject(b -> b.bucket(bucket).key(upload.key()).contentType(upload.contentType()), RequestBody.fromBytes(upload.body()));
    }

    /** Puts every upload from {@code threads} client threads at once, as fast as S3 answers; returns when all are in. */
    public static void putAll(S3Client s3, String bucket, List<Upload> uploads, int threads) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("upload-", 0).daemon().factory());
        try {
            List<Future<?>> puts = new ArrayList<>(uploads.size());
            uploads.forEach(u -> puts.add(clients.submit(() -> put(s3, bucket, u))));
            for (Future<?> put : puts) {
                put.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("an upload failed", e.getCause());
        } finally {
            clients.shutdownNow();
        }
    }
}
