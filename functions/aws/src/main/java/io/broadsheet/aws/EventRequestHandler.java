package io.broadsheet.aws;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The base of the event-triggered functions (parse, analyze, publish): a {@link MicronautRequestHandler}
 * whose application context costs as little as possible on a cold start.
 *
 * <p>Micronaut's Lambda builder creates every singleton and every configuration bean of the context
 * eagerly, so each function used to build the clients, the analyser, the page renderer and the HTTP
 * codecs of every other function, and Micronaut's own executor and SSL settings. Here nothing is
 * created eagerly: the handler's {@code @Inject} fields bring in what its step needs while it is
 * constructed, still during init, so SnapStart captures them. Every step needs
 * {@link BroadsheetConfiguration}, so a missing or invalid {@code broadsheet.*} setting still fails the
 * init, not the first event. The environments are named instead of deduced (no probing for a cloud
 * provider), there is no banner and no bootstrap context (no distributed configuration is used).
 */
public abstract class EventRequestHandler<I, O> extends MicronautRequestHandler<I, O> {

    /** The environment Micronaut's own Lambda builder names (with {@link Environment#FUNCTION}). */
    public static final String LAMBDA_ENVIRONMENT = "lambda";

    /** For Lambda: builds the lean context. */
    protected EventRequestHandler() {
    }

    /** For tests and the local cloud: runs on the given, already started context. */
    protected EventRequestHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return ApplicationContext.builder()
                .environments(Environment.FUNCTION, LAMBDA_ENVIRONMENT)
                .deduceEnvironment(false)
                .deduceCloudEnvironment(false)
                .bootstrapEnvironment(false)
                .banner(false)
                .eagerInitConfiguration(false)
                .eagerInitSingletons(false);
    }
}
