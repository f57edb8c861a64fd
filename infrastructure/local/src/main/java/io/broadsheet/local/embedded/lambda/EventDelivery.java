package io.broadsheet.local.embedded.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.broadsheet.local.LocalCloud.FailedInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Delivers events to local functions the way Lambda does. S3 notifications are asynchronous
 * invocations: queued, run concurrently, retried on error (the function's
 * {@code MaximumRetryAttempts}, twice by default) after a delay that doubles, as Lambda waits about
 * one minute and then two, then put in the failure destination. Stream records are polled in
 * order per shard (here: one shard per function and table), in batches, retrying from the first
 * reported batch item failure, and put in the failure destination when the retries run out.
 * The failure destination keeps each event with its function, so that it can be redriven once the
 * cause is fixed, as an operator redrives an SQS dead-letter queue.
 */
public final class EventDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lambda's -1 means "until the record expires"; locally that is this many. */
    private static final int UNBOUNDED_STREAM_RETRIES = 10;
    /**
     * Concurrent S3-triggered invocations. Lambda runs as many as there are events (up to the account's
     * concurrency); here a pool big enough that parse and analyze overlap their waits on S3 and DynamoDB:
     * on 2 cores a 1,000-upload burst drained in 74-76 s with 8 against 82-103 s with 4.
     */
    private static final int ASYNC_CONCURRENCY = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    private final InvocationTracker tracker = new InvocationTracker();
    private final ExecutorService async = Executors.newFixedThreadPool(ASYNC_CONCURRENCY, Thread.ofPlatform().name("lambda-async-", 0).daemon().factory());
    private final List<StreamShard> shards = new CopyOnWriteArrayList<>();
    private final List<DeadLetter> failures = new CopyOnWriteArrayList<>();
    private final Duration retryDelay;

    /** An event in the failure destination, and how to hand it back to its function. */
    private record DeadLetter(FailedInvocation failure, Runnable redrive) {
    }

    /** @param retryDelay the wait before the first retry; each further retry waits twice as long */
    public EventDelivery(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    /** An asynchronous invocation of {@code function} with an S3 event, retried {@code maxRetries} times. */
    public void invokeAsync(LocalFunction function, String eventJson, int maxRetries) {
        tracker.started(1);
        async.execute(() -> {
            try {
                for (int attempt = 0; ; attempt++) {
                    try {
                        function.invoke(eventJson, S3Event.class);
                        return;
                    } catch (RuntimeException e) {
                        if (attempt >= maxRetries) {
                            LOG.error("{} failed after {} attempts", function.name(), attempt + 1, e);
                            failures.add(new DeadLetter(new FailedInvocation(function.name(), eventJson, String.valueOf(e)),
                                    () -> invokeAsync(function, eventJson, maxRetries)));
                            return;
                        }
                        LOG.warn("{} failed (attempt {}), retrying: {}", function.name(), attempt + 1, e.toString());
                        sleep(retryDelay.multipliedBy(1L << Math.min(attempt, 10)));
                    }
                }
            } finally {
                tracker.finished(1);
            }
        });
    }

    /** A stream event source mapping: a poller that feeds {@code function} batches of records in order. */
    public StreamShard streamMapping(LocalFunction function, int batchSize, int maximumRetryAttempts, boolean reportBatchItemFailures) {
        StreamShard shard = new StreamShard(function, batchSize,
                maximumRetryAttempts < 0 ? UNBOUNDED_STREAM_RETRIES : maximumRetryAttempts, reportBatchItemFailures);
        shards.add(shard);
        shard.thread.start();
        return shard;
    }

    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return tracker.awaitIdle(timeout);
    }

    public List<FailedInvocation> failures() {
        return failures.stream().map(DeadLetter::failure).toList();
    }

    /**
     * Takes every event out of the failure destination and hands it back to its function: an S3
     * event as a new asynchronous invocation (with its retries), stream records back onto their
     * shard, behind what is queued there.
     *
     * @return how many failed invocations were redriven
     */
    public synchronized int redriveFailures() {
        List<DeadLetter> taken = List.copyOf(failures);
        failures.removeAll(taken);
        taken.forEach(d -> d.redrive().run());
        return taken.size();
    }

    public final class StreamShard {
        private final LocalFunction function;
        private final int batchSize;
        private final int maxRetries;
        private final boolean reportBatchItemFailures;
        private final BlockingQueue<ObjectNode> records = new LinkedBlockingQueue<>();
        private final Thread thread;

        private StreamShard(LocalFunction function, int batchSize, int maxRetries, boolean reportBatchItemFailures) {
            this.function = function;
            this.batchSize = Math.max(1, batchSize);
            this.maxRetries = maxRetries;
            this.reportBatchItemFailures = reportBatchItemFailures;
            this.thread = Thread.ofPlatform().name("stream-" + function.name()).daemon().unstarted(this::poll);
        }

        public void add(ObjectNode record) {
            tracker.started(1);
            records.add(record);
        }

        private void poll() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    List<ObjectNode> batch = new ArrayList<>();
                    batch.add(records.take());
                    records.drainTo(batch, batchSize - 1);
                    deliver(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void deliver(List<ObjectNode> batch) throws InterruptedException {
            List<ObjectNode> remaining = batch;
            int attempt = 0;
            while (!remaining.isEmpty()) {
                int failedAt;
                String error;
                try {
                    Object result = function.invoke(event(remaining), DynamodbEvent.class);
                    failedAt = firstFailure(remaining, result);
                    error = "batch item failure";
                } catch (RuntimeException e) {
                    LOG.warn("{} failed on a batch of {}: {}", function.name(), remaining.size(), e.toString());
                    failedAt = 0;
                    error = String.valueOf(e);
                }
                tracker.finished(failedAt < 0 ? remaining.size() : failedAt);
                if (failedAt < 0) {
                    return;
                }
                remaining = remaining.subList(failedAt, remaining.size());
                if (++attempt > maxRetries) {
                    List<ObjectNode> failed = List.copyOf(remaining);
                    failures.add(new DeadLetter(new FailedInvocation(function.name(), event(failed), error),
                            () -> failed.forEach(this::add)));
                    LOG.error("{} gave up on {} stream records after {} retries", function.name(), remaining.size(), maxRetries);
                    tracker.finished(remaining.size());
                    return;
                }
                Thread.sleep(retryDelay.multipliedBy(attempt).toMillis());
            }
        }

        /** Index of the first record the function reported as failed, or -1 when the batch succeeded. */
        private int firstFailure(List<ObjectNode> batch, Object result) {
            if (!reportBatchItemFailures || !(result instanceof StreamsEventResponse response)
                    || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
                return -1;
            }
            String first = response.getBatchItemFailures().get(0).getItemIdentifier();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).path("dynamodb").path("SequenceNumber").asText().equals(first)) {
                    return i;
                }
            }
            return 0;
        }

        private String event(List<ObjectNode> batch) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode array = root.putArray("Records");
            batch.forEach(array::add);
            return root.toString();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shards.forEach(s -> s.thread.interrupt());
        async.shutdownNow();
        try {
            async.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
