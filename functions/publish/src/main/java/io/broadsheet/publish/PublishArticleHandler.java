package io.broadsheet.publish;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.broadsheet.aws.EventRequestHandler;
import io.broadsheet.aws.StreamImages;
import io.broadsheet.aws.observability.InvocationLog;
import io.broadsheet.core.pipeline.ArticleChange;
import io.broadsheet.core.pipeline.PublishArticleService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Triggered by the article table's stream: publishes or unpublishes pages, the whole batch at once
 * (listings rebuilt once per batch). Reports the first record that failed as a partial batch failure,
 * so Lambda retries from there and keeps the per-article order; the records before it are done.
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
        var records = event.getRecords();
        List<ArticleChange> changes = new ArrayList<>();
        RuntimeException unreadable = null;
        for (var record : records) {
            try {
                changes.add(StreamImages.change(record));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        var batch = service.publishAll(changes);
        batch.done().forEach(o -> log.processed("publish", o.pageKey(), o.id(), o.result().name().toLowerCase(Locale.ROOT)));
        int failedAt = batch.failure() != null ? batch.failedAt() : unreadable != null ? changes.size() : -1;
        if (failedAt < 0) {
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        }
        String sequenceNumber = records.get(failedAt).getDynamodb().getSequenceNumber();
        log.failed("publish", "stream record " + sequenceNumber, null, batch.failure() != null ? batch.failure() : unreadable);
        return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                new StreamsEventResponse.BatchItemFailure(sequenceNumber))).build();
    }
}
