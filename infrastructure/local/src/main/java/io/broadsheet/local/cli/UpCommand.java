package io.broadsheet.local.cli;

import io.broadsheet.local.LocalCloud;
import io.broadsheet.local.LocalClouds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code broadsheet up}: runs the local cloud, the API and the site until Ctrl+C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run the local cloud with the API on http://localhost:PORT/ and the site under /site/, until Ctrl+C.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port of the API and the site (default: 8080).")
    int port;

    @Mixin
    CloudArguments cloudArguments = new CloudArguments();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String token = apiToken(System.getenv("BROADSHEET_API_TOKEN"));
        LocalCloud cloud = LocalClouds.start(cloudArguments.options(port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "broadsheet-stop"));
        printEndpoints(spec.commandLine().getOut(), cloud, token);
        stopped.await();
        return 0;
    }

    /**
     * Writes need a bearer token. When {@code BROADSHEET_API_TOKEN} is unset, one is generated for
     * this run and handed to the in-process functions as the {@code broadsheet.api-token} property.
     */
    static String apiToken(String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        System.setProperty("broadsheet.api-token", token);
        return token;
    }

    static void printEndpoints(PrintWriter out, LocalCloud cloud, String token) {
        String api = cloud.apiEndpoint() == null ? null : cloud.apiEndpoint().toString();
        out.println("Broadsheet is up.");
        if (api != null) {
            out.println("  API       " + api + "  (GET health, GET articles, GET articles/{id}, ...)");
            out.println("  Site      " + api + "site/");
        }
        out.println("  S3        " + cloud.s3Endpoint() + "  buckets " + cloud.articlesBucket() + ", " + cloud.siteBucket());
        out.println("  DynamoDB  " + cloud.dynamoDbEndpoint() + "  table " + cloud.tableName());
        out.println("  API token " + token + "  (writes: -H 'Authorization: Bearer <token>'; set BROADSHEET_API_TOKEN to choose it)");
        out.println("  Region    " + cloud.region() + ", any credentials (e.g. " + LocalCloud.ACCESS_KEY_ID + "/" + LocalCloud.SECRET_ACCESS_KEY + ")");
        out.println();
        out.println("Publish an article:");
        out.println("  export AWS_ACCESS_KEY_ID=" + LocalCloud.ACCESS_KEY_ID + " AWS_SECRET_ACCESS_KEY=" + LocalCloud.SECRET_ACCESS_KEY
                + " AWS_DEFAULT_REGION=" + cloud.region());
        out.println("  aws --endpoint-url " + cloud.s3Endpoint() + " s3 cp story.md s3://" + cloud.articlesBucket() + "/incoming/story.md");
        out.println("  aws --endpoint-url " + cloud.s3Endpoint() + " s3 ls s3://" + cloud.siteBucket() + "/");
        if (api != null) {
            out.println("  curl " + api + "health");
            out.println("  curl " + api + "articles");
            out.println("  curl -X POST " + api + "articles -H 'Authorization: Bearer " + token + "' -H 'Content-Type: text/markdown' --data-binary @story.md");
            out.println("  open " + api + "site/");
        }
        out.println();
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
