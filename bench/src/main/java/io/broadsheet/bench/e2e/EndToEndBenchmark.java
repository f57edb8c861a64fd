package io.broadsheet.bench.e2e;

import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.local.Backend;
import io.broadsheet.local.CloudOptions;
import io.broadsheet.local.embedded.EmbeddedCloud;
import io.broadsheet.local.load.ArticleMix;
import io.broadsheet.local.load.SiteCheck;
import io.broadsheet.local.load.Upload;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Upload-to-published on the embedded cloud (s3proxy and the functions in this JVM, dynalite on
 * Node.js), two cases on one cloud:
 *
 * <ul>
 *   <li>{@code single}: articles uploaded one at a time, each timed from its PutObject returning to
 *       its page being written to the site bucket (the embedded S3's change feed, no polling); the
 *       next upload waits until the cloud is idle (listings written too), whose time is reported
 *       as {@code settled_*}.</li>
 *   <li>{@code burst}: all articles put at once by a few client threads, timed until the cloud is
 *       idle, then checked: every article has its record, page, JSON record and sitemap entry once.
 *       Peak heap and RSS of this JVM (where the functions run) and of dynalite are sampled meanwhile.</li>
 * </ul>
 *
 * Before measuring, a warm-up pushes some articles through every function (their first invocation
 * builds their context; the JIT compiles the hot paths). The functions' own log lines go to a file.
 */
public final class EndToEndBenchmark {

    /**
     * @param cases          {@code single}, {@code burst} (empty = both)
     * @param single         articles in the single case
     * @param burst          articles in the burst
     * @param minWords       shortest article
     * @param maxWords       longest article
     * @param clients        client threads that put the burst
     * @param warmup         articles of the warm-up
     * @param timeout        longest wait for one article (single) or the whole burst to settle
     * @param root           repository root (template, dynalite)
     * @param logs           file for the functions' log lines
     */
    public record Options(List<String> cases, int single, int burst, int minWords, int maxWords, int clients,
                          int warmup, Duration timeout, Path root, Path logs) {

        boolean runs(String name) {
            return cases.isEmpty() || cases.contains(name);
        }
    }

    private final Options options;
    private final PrintStream out;

    public EndToEndBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** @return the number of problems found (lost, duplicated or failed articles) */
    public int run() throws Exception {
        PrintStream functionLogs = new PrintStream(Files.newOutputStream(options.logs()), false, StandardCharsets.UTF_8);
        PrintStream stdout = System.out;
        System.setOut(functionLogs);
        try (EmbeddedCloud cloud = EmbeddedCloud.start(new CloudOptions(Backend.EMBEDDED, null, 0, options.root()));
             S3Client s3 = cloud.s3Client();
             DynamoDbClient dynamoDb = cloud.dynamoDbClient()) {
            PageWatcher pages = new PageWatcher(cloud.siteBucket());
            cloud.addObjectWatcher(pages);
            progress("machine: %d cpus, load average %s, max heap %d MB, %s; function logs in %s",
                    Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.version(), options.logs());
            warmUp(cloud, s3, pages);
            int problems = 0;
            if (options.runs("single") && options.single() > 0) {
                problems += single(cloud, s3, dynamoDb, pages);
            }
            if (options.runs("burst") && options.burst() > 0) {
                problems += burst(cloud, s3, dynamoDb);
            }
            return problems;
        } finally {
            System.setOut(stdout);
            functionLogs.close();
        }
    }

    private void warmUp(EmbeddedCloud cloud, S3Client s3, PageWatcher pages) throws Exception {
        if (options.warmup() <= 0) {
            return;
        }
        long start = System.nanoTime();
        List<Upload> uploads = ArticleMix.uploads("warmup", options.warmup(), options.minWords(), options.maxWords(), 1);
        int together = uploads.size() / 2;
        ArticleMix.putAll(s3, cloud.articlesBucket(), uploads.subList(0, together), options.clients());
        settle(cloud, "warm-up");
        for (Upload upload : uploads.subList(together, uploads.size())) {
            CompletableFuture<Long> page = pages.expect(ArticleKeys.pageKey(upload.articleId()));
            ArticleMix.put(s3, cloud.articlesBucket(), upload);
            await(page, upload);
            settle(cloud, "warm-up");
        }
        progress("warm-up: %d articles through parse, analyze and publish (%d together, then one at a time: first "
                        + "invocations, JIT) in %.1f s; not measured", uploads.size(), together,
                (System.nanoTime() - start) / 1e9);
    }

    private int single(EmbeddedCloud cloud, S3Client s3, DynamoDbClient dynamoDb, PageWatcher pages) throws Exception {
        List<Upload> uploads = ArticleMix.uploads("single", options.single(), options.minWords(), options.maxWords(), 2);
        List<Long> published = new ArrayList<>();
        List<Long> settled = new ArrayList<>();
        for (Upload upload : uploads) {
            CompletableFuture<Long> page = pages.expect(ArticleKeys.pageKey(upload.articleId()));
            ArticleMix.put(s3, cloud.articlesBucket(), upload);
            long put = System.nanoTime();
            long written = await(page, upload);
            settle(cloud, "single");
            published.add(Math.max(0, written - put));
            settled.add(System.nanoTime() - put);
        }
        Percentiles p = new Percentiles(published);
        Percentiles s = new Percentiles(settled);
        out.printf(Locale.ROOT, "e2e single n=%d p50_ms=%d p90_ms=%d p99_ms=%d max_ms=%d settled_p50_ms=%d settled_p99_ms=%d "
                        + "words=%d-%d load=%s%n", uploads.size(), p.millis(50), p.millis(90), p.millis(99), p.maxMillis(),
                s.millis(50), s.millis(99), options.minWords(), options.maxWords(), loadAverage());
        return check("single", cloud, s3, dynamoDb, uploads);
    }

    private int burst(EmbeddedCloud cloud, S3Client s3, DynamoDbClient dynamoDb) throws Exception {
        List<Upload> uploads = ArticleMix.uploads("burst", options.burst(), options.minWords(), options.maxWords(), 3);
        long bytes = uploads.stream().mapToLong(u -> u.body().length).sum();
        progress("burst: %d articles, %.1f MB, %d-%d words, put by %d client threads", uploads.size(), bytes / 1e6,
                options.minWords(), options.maxWords(), options.clients());
        BurstProgress progress = new BurstProgress(cloud.articlesBucket(), cloud.siteBucket());
        cloud.addObjectWatcher(progress);
        System.gc();
        long start;
        long uploaded;
        long drained;
        ProcessHandle dynalite = cloud.dynamoDbProcess();
        Duration jvmCpu = cpu(ProcessHandle.current());
        Duration dynaliteCpu = cpu(dynalite);
        MemorySampler memory = new MemorySampler(dynalite.pid(), 20);
        try (memory; var ticker = progress.every(Duration.ofSeconds(5))) {
            start = System.nanoTime();
            ArticleMix.putAll(s3, cloud.articlesBucket(), uploads, options.clients());
            uploaded = System.nanoTime();
            settle(cloud, "burst");
            drained = System.nanoTime();
        }
        jvmCpu = cpu(ProcessHandle.current()).minus(jvmCpu);
        dynaliteCpu = cpu(dynalite).minus(dynaliteCpu);
        double drainSeconds = (drained - start) / 1e9;
        out.printf(Locale.ROOT, "e2e burst articles=%d upload_s=%.1f drain_s=%.1f articles_per_s=%.1f peak_heap_mb=%d "
                        + "peak_live_heap_mb=%d peak_rss_mb=%d dynalite_peak_rss_mb=%d jvm_cpu_s=%.1f dynalite_cpu_s=%.1f clients=%d words=%d-%d load=%s%n",
                uploads.size(), (uploaded - start) / 1e9, drainSeconds, uploads.size() / drainSeconds,
                memory.peakHeapMb(), memory.peakHeapAfterGcMb(), memory.peakRssMb(), memory.peakOtherRssMb(), jvmCpu.toMillis() / 1e3,
                dynaliteCpu.toMillis() / 1e3, options.clients(),
                options.minWords(), options.maxWords(), loadAverage());
        return check("burst", cloud, s3, dynamoDb, uploads);
    }

    private int check(String name, EmbeddedCloud cloud, S3Client s3, DynamoDbClient dynamoDb, List<Upload> uploads) {
        SiteCheck.Report report = SiteCheck.check(cloud, s3, dynamoDb, uploads.stream().map(Upload::articleId).toList());
        out.println("e2e " + name + "-check articles=" + uploads.size() + " " + report.summary());
        report.problems().forEach(p -> progress("%s-check: %s", name, p));
        return report.problems().size();
    }

    private long await(CompletableFuture<Long> page, Upload upload) throws InterruptedException, ExecutionException {
        try {
            return page.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no page for " + upload.key() + " within " + options.timeout(), e);
        }
    }

    private void settle(EmbeddedCloud cloud, String phase) throws InterruptedException {
        if (!cloud.awaitIdle(options.timeout())) {
            throw new IllegalStateException(phase + ": the cloud was still busy after " + options.timeout());
        }
    }

    /** CPU time a process has used so far (user and system), zero where the platform does not say. */
    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "," + parts[1] + "," + parts[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
