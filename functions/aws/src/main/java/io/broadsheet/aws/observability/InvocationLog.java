package io.broadsheet.aws.observability;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one place where handlers report what happened to each article: one JSON object per line on
 * standard output (which Lambda sends to CloudWatch Logs), carrying the request id, the function,
 * the object key and article id, and the outcome. Each line is also a CloudWatch embedded-metric-format
 * document (namespace {@code Broadsheet}, dimension {@code function}) counting one processed, rejected
 * or failed article, so metrics need no API call and no extra library.
 *
 * <p>Only names, ids, keys, reason codes and short error messages are written: never an article body,
 * an event payload or a configuration value such as the API token. Callers pass explicit fields, not
 * records, so a {@code toString()} cannot leak content.
 */
@Singleton
public class InvocationLog {

    /** The namespace of the embedded metrics. */
    public static final String NAMESPACE = "Broadsheet";
    /** Longest error or rejection message written; a longer one is cut (it could quote its input). */
    static final int MAX_MESSAGE = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BeanProvider<Context> lambdaContext;
    private final Consumer<String> sink;
    private final Clock clock;

    @Inject
    public InvocationLog(BeanProvider<Context> lambdaContext) {
        this(lambdaContext, line -> System.out.println(line), Clock.systemUTC());
    }

    InvocationLog(BeanProvider<Context> lambdaContext, Consumer<String> sink, Clock clock) {
        this.lambdaContext = lambdaContext;
        this.sink = sink;
        this.clock = clock;
    }

    /** The article was handled (including a duplicate that was skipped): counted as processed. */
    public void processed(String step, String key, String articleId, String outcome) {
        write("INFO", step, key, articleId, outcome, Metric.PROCESSED, Map.of());
    }

    /** The input can never be handled (bad upload, unusable parsed file): counted as rejected. */
    public void rejected(String step, String key, String articleId, String reason, String message) {
        write("WARN", step, key, articleId, "rejected", Metric.REJECTED,
                Map.of("reason", String.valueOf(reason), "detail", shorten(message)));
    }

    /** Handling failed and will be retried: counted as failed. */
    public void failed(String step, String key, String articleId, Throwable error) {
        write("ERROR", step, key, articleId, "failed", Metric.FAILED,
                Map.of("error", error.getClass().getName(), "detail", shorten(error.getMessage())));
    }

    private void write(String level, String step, String key, String articleId, String outcome,
                       Metric metric, Map<String, String> extra) {
        long now = clock.millis();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", java.time.Instant.ofEpochMilli(now).toString());
        line.put("level", level);
        line.put("logger", "broadsheet." + step);
        line.put("message", step + " " + outcome + (key == null ? "" : " " + key));
        Context context = lambdaContext.isPresent() ? lambdaContext.get() : null;
        line.put("requestId", context == null ? null : context.getAwsRequestId());
        line.put("functionName", context == null ? null : context.getFunctionName());
        line.put("function", step);
        line.put("key", key);
        line.put("articleId", articleId);
        line.put("outcome", outcome);
        line.putAll(extra);
        line.put("_aws", Map.of(
                "Timestamp", now,
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.of("function")),
                        "Metrics", List.of(Map.of("Name", metric.metricName, "Unit", "Count"))))));
        line.put(metric.metricName, 1);
        try {
            sink.accept(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a log line", e);
        }
    }

    static String shorten(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }

    private enum Metric {
        PROCESSED("ArticlesProcessed"), REJECTED("ArticlesRejected"), FAILED("ArticlesFailed");

        final String metricName;

        Metric(String metricName) {
            this.metricName = metricName;
        }
    }
}
