package io.broadsheet.bench.e2e;

import io.broadsheet.local.embedded.s3.S3ObjectEvent;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class PageWatcherTest {

    private final PageWatcher watcher = new PageWatcher("site");

    @Test
    void expect_completesOnTheFirstWriteOfTheKeyInTheBucket_only() {
        CompletableFuture<Long> page = watcher.expect("a.html");

        watcher.accept(new S3ObjectEvent("articles", "a.html", "ObjectCreated:Put", 10, "e"));
        watcher.accept(new S3ObjectEvent("site", "b.html", "ObjectCreated:Put", 10, "e"));
        watcher.accept(new S3ObjectEvent("site", "a.html", "ObjectRemoved:Delete", 0, null));
        assertThat(page).isNotDone();

        long before = System.nanoTime();
        watcher.accept(new S3ObjectEvent("site", "a.html", "ObjectCreated:Put", 10, "e"));

        assertThat(page).isCompleted();
        assertThat(page.join()).isGreaterThanOrEqualTo(before);
    }
}
