package io.broadsheet.bench.coldstart;

import io.broadsheet.bench.coldstart.handwired.HandWiredParseHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployable jars start in Lambda's way: each shaded jar laid out as a task root, run by the real
 * runtime interface client in a fresh JVM, with only the environment the SAM template gives. Events
 * that need no AWS call (a key outside incoming/, an empty batch, GET /health) prove that the
 * handler, its context, its configuration and its dependencies are all in the package: a jar that
 * misses a class fails here, not in production.
 */
@EnabledOnOs(OS.LINUX)
class FunctionJarsStartTest {

    private static final Map<String, String> TEMPLATE_ENVIRONMENT = Map.of(
            "AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "start-test",
            "AWS_SECRET_ACCESS_KEY", "start-test",
            "BROADSHEET_ARTICLES_BUCKET", "articles",
            "BROADSHEET_SITE_BUCKET", "site",
            "BROADSHEET_TABLE_NAME", "articles",
            "BROADSHEET_SITE_BASE_URL", "https://news.example.org/",
            "BROADSHEET_MAX_UPLOAD_BYTES", "5242880");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "parse   | io.broadsheet.parse.ParseArticleHandler     | S3_OUTSIDE_INCOMING",
            "analyze | io.broadsheet.analyze.AnalyzeArticleHandler | EMPTY_BATCH",
            "publish | io.broadsheet.publish.PublishArticleHandler | EMPTY_BATCH",
            "api     | io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction | HEALTH"})
    void functionJar_startsAndAnswers_underTheRuntimeClient(String function, String handler, String event,
                                                           @TempDir Path logs) throws Exception {
        Path jar = Path.of("../functions", function, "target", "broadsheet-" + function + "-0.1.0-SNAPSHOT-lambda.jar");
        assertThat(jar).as("built by the function module's package phase").exists();
        Path runtimeJars = Path.of(System.getProperty("broadsheet.bench.lambda-runtime", "target/lambda-runtime"));
        var launcher = new LambdaLauncher(LambdaLauncher.currentJava(), LambdaLauncher.jarsIn(runtimeJars),
                false, Duration.ofSeconds(120));

        LambdaLauncher.ColdStart start;
        try (TaskRoot task = TaskRoot.unzip(jar)) {
            start = launcher.launch(task, handler, TEMPLATE_ENVIRONMENT, event(event), logs.resolve(function + ".log"));
        }

        assertThat(start.error()).as(Files.readString(logs.resolve(function + ".log"))).isFalse();
        if (event.equals("HEALTH")) {
            assertThat(LambdaEvents.statusCode(start.response())).isEqualTo(200);
            assertThat(start.response()).contains("UP");
        }
    }

    /** The bench's {@code parse-by-hand} case: the parse function's jar with a handler that wires it without Micronaut. */
    @Test
    void handWiredParse_startsFromTheParseJar_andAnswers(@TempDir Path logs) throws Exception {
        Path jar = Path.of("../functions/parse/target/broadsheet-parse-0.1.0-SNAPSHOT-lambda.jar");
        assertThat(jar).as("built by the parse module's package phase").exists();
        Path runtimeJars = Path.of(System.getProperty("broadsheet.bench.lambda-runtime", "target/lambda-runtime"));
        var launcher = new LambdaLauncher(LambdaLauncher.currentJava(), LambdaLauncher.jarsIn(runtimeJars),
                false, Duration.ofSeconds(120));
        Map<String, String> env = new HashMap<>(TEMPLATE_ENVIRONMENT);
        env.put("AWS_SERVICES_S3_ENDPOINT_OVERRIDE", "http://127.0.0.1:9");

        LambdaLauncher.ColdStart start;
        try (TaskRoot task = TaskRoot.unzip(jar).withClasses(HandWiredParseHandler.class, HandWiredParseHandler.NoLambdaContext.class)) {
            start = launcher.launch(task, HandWiredParseHandler.class.getName(), env, event("S3_OUTSIDE_INCOMING"),
                    logs.resolve("parse-by-hand.log"));
        }

        assertThat(start.error()).as(Files.readString(logs.resolve("parse-by-hand.log"))).isFalse();
        assertThat(Files.readString(logs.resolve("parse-by-hand.log"))).contains("parse skipped elsewhere/note.txt");
    }

    private static String event(String kind) {
        return switch (kind) {
            case "S3_OUTSIDE_INCOMING" -> LambdaEvents.s3ObjectCreated("articles", "elsewhere/note.txt", 10, "abc", "01");
            case "EMPTY_BATCH" -> "{\"Records\":[]}";
            case "HEALTH" -> LambdaEvents.apiGatewayGet("/health");
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
