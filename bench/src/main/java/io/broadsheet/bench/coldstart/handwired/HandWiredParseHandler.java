package io.broadsheet.bench.coldstart.handwired;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.broadsheet.aws.S3EventKeys;
import io.broadsheet.aws.S3ObjectStore;
import io.broadsheet.aws.observability.InvocationLog;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.micronaut.context.BeanProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The parse function's work with no framework: the same step, store and log as
 * {@code ParseArticleHandler}, wired by hand and configured like the SDK baseline ({@code SdkClientsHandler}). Run from
 * the parse function's own jar, it shows what a cold start would cost if Micronaut cost nothing.
 * Not a function to deploy: no configuration checks, no SnapStart priming.
 */
public class HandWiredParseHandler implements RequestHandler<S3Event, Void> {

    private final ParseArticleService service;
    private final InvocationLog log = new InvocationLog(new NoLambdaContext());

    public HandWiredParseHandler() {
        Map<String, String> env = System.getenv();
        S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.builder().build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
                .region(Region.of(env.get("AWS_REGION")))
                .endpointOverride(URI.create(env.get("AWS_SERVICES_S3_ENDPOINT_OVERRIDE")))
                .forcePathStyle(true).build();
        service = new ParseArticleService(new S3ObjectStore(s3, env.get("BROADSHEET_ARTICLES_BUCKET")), new ArticleParsers(),
                Long.parseLong(env.getOrDefault("BROADSHEET_MAX_UPLOAD_BYTES", "5242880")), Clock.systemUTC());
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (var record : event.getRecords()) {
            var upload = S3EventKeys.upload(record);
            switch (service.parse(upload)) {
                case ParseArticleService.Parsed p -> log.processed("parse", p.key(), p.id(), p.written() ? "parsed" : "unchanged");
                case ParseArticleService.Skipped s -> log.processed("parse", s.key(), null, "skipped");
                case ParseArticleService.Rejected r -> log.rejected("parse", r.key(), null, r.reason().name(), r.message());
            }
        }
        return null;
    }

    /** The log's request id comes from a Micronaut bean in the function; here there is none. */
    public static final class NoLambdaContext implements BeanProvider<Context> {
        @Override
        public Context get() {
            return null;
        }

        @Override
        public boolean isPresent() {
            return false;
        }
    }
}
