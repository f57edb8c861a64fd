package io.broadsheet.publish;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.broadsheet.aws.StreamImages;
import io.broadsheet.core.pipeline.PublishArticleService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Triggered by the article table's stream: publishes or unpublishes pages. Reports the first record
 * that failed as a partial batch failure, so Lambda retries from there and keeps the per-article order.
 */
public class PublishArticleHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PublishArticleHandler.class);

    @Inject
    PublishArticleService service;

    public PublishArticleHandler() {
    }

    public PublishArticleHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        for (var record : event.getRecords()) {
            try {
                LOG.info("publish {}", service.publish(StreamImages.change(record)));
            } catch (RuntimeException e) {
                LOG.error("publish failed for stream record {}", record.getDynamodb().getSequenceNumber(), e);
                return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()))).build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
}
