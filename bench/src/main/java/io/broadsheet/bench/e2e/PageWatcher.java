package io.broadsheet.bench.e2e;

import io.broadsheet.local.embedded.s3.S3ObjectEvent;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The instant each awaited object is first written to a bucket, taken from the embedded S3's own
 * change feed as the write commits: exact, and no polling request competes with the pipeline.
 */
final class PageWatcher implements Consumer<S3ObjectEvent> {

    private final String bucket;
    private final Map<String, CompletableFuture<Long>> awaited = new ConcurrentHashMap<>();

    PageWatcher(String bucket) {
        this.bucket = bucket;
    }

    /** Completes with {@link System#nanoTime()} of the first write of {@code key} from now on. */
    CompletableFuture<Long> expect(String key) {
        return awaited.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    @Override
    public void accept(S3ObjectEvent change) {
        if (change.bucket().equals(bucket) && change.eventName().startsWith("ObjectCreated")) {
            CompletableFuture<Long> waiting = awaited.remove(change.key());
            if (waiting != null) {
                waiting.complete(System.nanoTime());
            }
        }
    }
}
