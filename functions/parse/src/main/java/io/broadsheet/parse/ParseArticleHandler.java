package io.broadsheet.parse;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.broadsheet.aws.EventRequestHandler;
import io.broadsheet.aws.S3EventKeys;
import io.broadsheet.aws.observability.InvocationLog;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * Triggered by uploads under {@code incoming/}: parses each into {@code parsed/<id>.json}.
 * Rejected uploads get an error record from the step and are not retried; anything else that fails
 * is thrown so that Lambda retries the event and finally sends it to the failure destination.
 */
public class ParseArticleHandler extends EventRequestHandler<S3Event, Void> {

    @Inject
    ParseArticleService service;

    @Inject
    InvocationLog log;

    public ParseArticleHandler() {
    }

    public ParseArticleHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public Void execute(S3Event event) {
        for (var record : event.getRecords()) {
            var upload = S3EventKeys.upload(record);
            try {
                switch (service.parse(upload)) {
                    case ParseArticleService.Parsed p -> log.processed("parse", p.key(), p.id(), p.written() ? "parsed" : "unchanged");
                    case ParseArticleService.Skipped s -> log.processed("parse", s.key(), null, "skipped");
                    case ParseArticleService.Rejected r -> log.rejected("parse", r.key(), null, r.reason().name(), r.message());
                }
            } catch (RuntimeException e) {
                log.failed("parse", upload.key(), null, e);
                throw e;
            }
        }
        return null;
    }
}
