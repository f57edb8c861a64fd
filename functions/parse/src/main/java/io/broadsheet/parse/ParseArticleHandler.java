package io.broadsheet.parse;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.broadsheet.aws.S3EventKeys;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggered by uploads under {@code incoming/}: parses each into {@code parsed/<id>.json}.
 * Rejected uploads get an error record from the step and are not retried; anything else that fails
 * is thrown so that Lambda retries the event and finally sends it to the failure destination.
 */
public class ParseArticleHandler extends MicronautRequestHandler<S3Event, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ParseArticleHandler.class);

    @Inject
    ParseArticleService service;

    public ParseArticleHandler() {
    }

    public ParseArticleHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public Void execute(S3Event event) {
        for (var record : event.getRecords()) {
            LOG.info("parse {}", service.parse(S3EventKeys.upload(record)));
        }
        return null;
    }
}
