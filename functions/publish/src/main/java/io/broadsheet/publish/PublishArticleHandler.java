package io.broadsheet.publish;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.broadsheet.aws.EventRequestHandler;
import io.broadsheet.aws.StreamImages;
import io.broadsheet.aws.observability.InvocationLog;
import io.broadsheet.core.pipeline.PublishArticleService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * Triggered by the article table's stream: publishes or unpublishes pages. Reports the first record
 * that failed as a partial batch failure, so Lambda retries from there and keeps the per-article order.
 */
public class PublishArticleHandler extends EventRequestHandler<DynamodbEvent, StreamsEventResponse> {

    @Inject
    PublishArticleService service;

    @Inject
    InvocationLog log;

    public PublishArticleHandler() {
    }

    public PublishArticleHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        for (var record : event.getRecords()) {
            String sequenceNumber = record.getDynamodb().getSequenceNumber();
            try {
                var outcome = service.publish(StreamImages.change(record));
                log.processed("publish", outcome.pageKey(), outcome.id(), outcome.result().name().toLowerCase(Locale.ROOT));
            } catch (RuntimeException e) {
                log.failed("publish", "stream record " + sequenceNumber, null, e);
                return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        new StreamsEventResponse.BatchItemFailure(sequenceNumber))).build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
}
