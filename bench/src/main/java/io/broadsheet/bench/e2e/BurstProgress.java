package io.broadsheet.bench.e2e;

import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.local.embedded.s3.S3ObjectEvent;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Counts uploads, parsed articles and pages as they are written, and reports them now and then on standard error. */
final class BurstProgress implements Consumer<S3ObjectEvent> {

    private final String articlesBucket;
    private final String siteBucket;
    private final AtomicInteger uploaded = new AtomicInteger();
    private final AtomicInteger parsed = new AtomicInteger();
    private final AtomicInteger pages = new AtomicInteger();

    BurstProgress(String articlesBucket, String siteBucket) {
        this.articlesBucket = articlesBucket;
        this.siteBucket = siteBucket;
    }

    @Override
    public void accept(S3ObjectEvent change) {
        if (!change.eventName().startsWith("ObjectCreated")) {
            return;
        }
        String key = change.key();
        if (change.bucket().equals(articlesBucket) && key.startsWith(ArticleKeys.INCOMING)) {
            uploaded.incrementAndGet();
        } else if (change.bucket().equals(articlesBucket) && key.startsWith(ArticleKeys.PARSED)) {
            parsed.incrementAndGet();
        } else if (change.bucket().equals(siteBucket) && key.endsWith(".html") && !key.contains("/") && !key.equals("index.html")) {
            pages.incrementAndGet();
        }
    }

    /** Prints the counts every {@code period} until closed. */
    AutoCloseable every(Duration period) {
        long start = System.nanoTime();
        Thread ticker = Thread.ofPlatform().name("burst-progress").daemon().start(() -> {
            try {
                while (true) {
                    Thread.sleep(period.toMillis());
                    System.err.printf(Locale.ROOT, "  %5.1f s  uploaded %d  parsed %d  page writes %d  load %s%n",
                            (System.nanoTime() - start) / 1e9, uploaded.get(), parsed.get(), pages.get(), EndToEndBenchmark.loadAverage());
                }
            } catch (InterruptedException e) {
                // closed
            }
        });
        return ticker::interrupt;
    }
}
