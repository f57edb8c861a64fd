package io.broadsheet.local;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.local.cli.UpCommandAccess;
import io.broadsheet.local.embedded.EmbeddedCloud;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AWS CLI against the cloud {@code broadsheet up} runs: the exact {@code aws s3 cp} command it
 * prints leads to a published page. Skipped where the {@code aws} command is not installed
 * (CI: {@code apt-get install -y awscli}).
 */
class AwsCliIT {

    @Test
    void awsS3Cp_ofAnArticle_leadsToAPublishedPage() throws Exception {
        assumeTrue(awsCliInstalled(), "the aws command is not installed");
        Path sample = SampleArticles.all().getFirst();
        try (EmbeddedCloud cloud = EmbeddedCloud.start(CloudOptions.embedded()); S3Client s3 = CloudClients.s3(cloud)) {
            StringWriter printed = new StringWriter();
            UpCommandAccess.printEndpoints(new PrintWriter(printed, true), cloud);
            String exportLine = printed.toString().lines().filter(l -> l.strip().startsWith("export ")).findFirst().orElseThrow();
            String cpLine = printed.toString().lines().filter(l -> l.contains(" s3 cp ")).findFirst().orElseThrow().strip();
            String key = "incoming/" + sample.getFileName();
            List<String> command = new ArrayList<>(List.of(cpLine.replace("story.md s3://", sample + " s3://")
                    .replace("/incoming/story.md", "/" + key).split(" ")));

            ProcessBuilder aws = new ProcessBuilder(command).redirectErrorStream(true);
            for (String assignment : exportLine.strip().substring("export ".length()).split(" ")) {
                String[] kv = assignment.split("=", 2);
                aws.environment().put(kv[0], kv[1]);
            }
            Process process = aws.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("aws output: %s", output).isZero();

            assertThat(cloud.awaitIdle(Duration.ofMinutes(2))).isTrue();
            String id = ArticleIds.fromSourceKey(key);
            assertThat(s3.getObjectAsBytes(b -> b.bucket(cloud.siteBucket()).key(id + ".html")).asUtf8String()).contains("<h1>");
            assertThat(cloud.failures()).isEmpty();
        }
    }

    private static boolean awsCliInstalled() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
