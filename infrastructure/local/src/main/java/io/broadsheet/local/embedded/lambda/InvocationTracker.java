package io.broadsheet.local.embedded.lambda;

import java.time.Duration;

/**
 * Counts invocations that are queued or running, so callers can wait until the pipeline has settled.
 * An event is counted when it is queued, which happens inside the write that caused it, so a
 * chain (upload, parse, analyze, stream, publish) never reads zero half way.
 */
final class InvocationTracker {

    private long pending;

    synchronized void started(int count) {
        pending += count;
    }

    synchronized void finished(int count) {
        pending -= count;
        if (pending <= 0) {
            notifyAll();
        }
    }

    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
