package io.broadsheet.local.embedded.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.micronaut.context.ApplicationContext;

import java.util.Map;

/**
 * One function of the template, run in this JVM: its handler class (as the template names it),
 * built on its own application context, like one Lambda function with its own environment.
 * Events arrive as the JSON AWS sends and are decoded by the Lambda runtime's own serialisers.
 */
public final class LocalFunction implements AutoCloseable {

    private final String name;
    private final String handlerClass;
    private final Map<String, Object> properties;
    private final String region;
    private final String accountId;
    private final FunctionHooks hooks;
    private ApplicationContext context;
    private RequestHandler<Object, Object> handler;

    public LocalFunction(String name, String handlerClass, Map<String, Object> properties, String region, String accountId) {
        this.name = name;
        this.handlerClass = handlerClass;
        this.properties = Map.copyOf(properties);
        this.region = region;
        this.accountId = accountId;
        this.hooks = new FunctionHooks(name);
    }

    String name() {
        return name;
    }

    /** Test hooks around this function's invocations (inert unless armed). */
    public FunctionHooks hooks() {
        return hooks;
    }

    /** Decodes {@code eventJson} as {@code eventType} the way the Lambda runtime does, and invokes the handler. */
    public <T> Object invoke(String eventJson, Class<T> eventType) {
        Object result = null;
        RuntimeException error = null;
        try {
            hooks.beforeHandler();
            T event = LambdaEventSerializers.serializerFor(eventType, getClass().getClassLoader()).fromJson(eventJson);
            result = invokeWith(event);
            return result;
        } catch (RuntimeException e) {
            error = e;
            throw e;
        } finally {
            hooks.ended(new FunctionHooks.Invocation(eventJson, result, error));
        }
    }

    Object invokeWith(Object event) {
        return handler().handleRequest(event, new LocalLambdaContext(name, region, accountId));
    }

    /** The first invocation starts the function (its "cold start"); later ones reuse it. */
    @SuppressWarnings("unchecked")
    private synchronized RequestHandler<Object, Object> handler() {
        if (handler == null) {
            context = ApplicationContext.builder().properties(properties).deduceEnvironment(false).start();
            try {
                Class<?> type = Class.forName(handlerClass, true, getClass().getClassLoader());
                handler = (RequestHandler<Object, Object>) type.getConstructor(ApplicationContext.class).newInstance(context);
            } catch (ReflectiveOperationException e) {
                context.close();
                context = null;
                throw new IllegalStateException("cannot create handler " + handlerClass + " of " + name, e);
            }
        }
        return handler;
    }

    @Override
    public synchronized void close() {
        if (handler instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the context below is closed anyway
            }
        }
        if (context != null && context.isRunning()) {
            context.close();
        }
    }
}
