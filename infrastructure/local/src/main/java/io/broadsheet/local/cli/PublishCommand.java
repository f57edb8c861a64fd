package io.broadsheet.local.cli;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ErrorRecord;
import io.broadsheet.local.CloudClients;
import io.broadsheet.local.LocalCloud;
import io.broadsheet.local.LocalClouds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code broadsheet publish FILE...}: starts a local cloud, uploads each file to {@code incoming/},
 * waits for its page, prints one line per file and copies the site to a folder a person can open.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish files through a local cloud and write the site (pages, index, feed) to --out.",
                "Prints '<id>  <title>  <sentiment> %  <page>' per published file and "
                        + "'rejected <REASON> <message> (<file>)' per rejected one; exits 1 if any was rejected."})
final class PublishCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Where to write the site (default: out/).")
    Path out;

    @Mixin
    CloudArguments cloudArguments = new CloudArguments();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
        }
        try (LocalCloud cloud = LocalClouds.start(cloudArguments.options(0)); S3Client s3 = CloudClients.s3(cloud)) {
            for (Path file : files) {
                String type = SourceFormat.fromFileName(file.getFileName().toString()).map(SourceFormat::mediaType).orElse(null);
                s3.putObject(b -> b.bucket(cloud.articlesBucket()).key(key(file)).contentType(type), RequestBody.fromFile(file));
            }
            cloud.awaitIdle(TIMEOUT);
            int status = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Files.createDirectories(out);
            for (Path file : files) {
                status |= report(cloud, s3, file, deadline, stdout);
            }
            writeSite(cloud, s3);
            stdout.println("site written to " + out.toAbsolutePath().normalize() + "/index.html");
            stdout.flush();
            return status;
        }
    }

    private int report(LocalCloud cloud, S3Client s3, Path file, long deadline, PrintWriter stdout) throws InterruptedException {
        String key = key(file);
        String id = ArticleIds.fromSourceKey(key);
        while (true) {
            Optional<byte[]> error = get(s3, cloud.articlesBucket(), ArticleKeys.rejectedKey(key));
            if (error.isPresent()) {
                ErrorRecord e = ArticleJson.read(error.get(), ErrorRecord.class);
                Rejections.print(stdout, file.toString(), e.reason(), e.message());
                return 1;
            }
            Optional<byte[]> record = get(s3, cloud.siteBucket(), ArticleKeys.recordKey(id));
            if (record.isPresent() && get(s3, cloud.siteBucket(), ArticleKeys.pageKey(id)).isPresent()) {
                ArticleRecord r = ArticleJson.read(record.get(), ArticleRecord.class);
                Integer score = r.analysis().sentiment().score();
                stdout.println(String.join("  ", id, r.title(), score == null ? "not scored" : score + " %",
                        out.resolve(ArticleKeys.pageKey(id)).toString()));
                stdout.flush();
                return 0;
            }
            if (System.nanoTime() > deadline) {
                stdout.println("failed " + file + ": not published within " + TIMEOUT.toSeconds() + " s"
                        + (cloud.failures().isEmpty() ? "" : " (" + cloud.failures().getLast().error() + ")"));
                return 1;
            }
            Thread.sleep(250);
        }
    }

    private void writeSite(LocalCloud cloud, S3Client s3) throws Exception {
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(cloud.siteBucket())).contents()) {
            Path target = out.resolve(object.key()).normalize();
            if (!target.startsWith(out.normalize())) {
                continue;
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, s3.getObjectAsBytes(b -> b.bucket(cloud.siteBucket()).key(object.key())).asByteArray());
        }
    }

    private static String key(Path file) {
        return ArticleKeys.INCOMING + file.getFileName();
    }

    private static Optional<byte[]> get(S3Client s3, String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
