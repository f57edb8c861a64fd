package io.broadsheet.local.embedded.lambda;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test hooks around one local function's invocations: what a reliability test would do to a
 * deployed Lambda if it could. It sees every invocation and how it ended, can hold invocations at
 * the door (a function that is slow to start), and can make the next ones crash before the handler
 * runs (an out-of-memory, a runtime error). Inert until a test arms it; the handlers never know.
 */
public final class FunctionHooks {

    /** Enough for any test; a long-running cloud does not keep every response it ever gave. */
    private static final int KEPT = 256;

    private final String function;
    private final Deque<Invocation> invocations = new ArrayDeque<>();
    private final AtomicInteger failing = new AtomicInteger();
    private boolean recording;
    private boolean held;
    private int waiting;

    FunctionHooks(String function) {
        this.function = function;
    }

    /**
     * One invocation as it ended.
     *
     * @param event  the event JSON the function got
     * @param result what the handler returned ({@code null} when it threw)
     * @param error  what it threw, or {@code null}
     */
    public record Invocation(String event, Object result, RuntimeException error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** Thrown in place of the handler when a failure was armed. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String function) {
            super("injected fault: " + function + " crashed before its handler ran");
        }
    }

    /** The next {@code count} invocations throw {@link InjectedFault} instead of running the handler. */
    public void failNext(int count) {
        failing.set(count);
    }

    /** Invocations from now on wait at the door until {@link #release()}. */
    public synchronized void hold() {
        held = true;
    }

    public synchronized void release() {
        held = false;
        notifyAll();
    }

    /**
     * Blocks until {@code count} invocations are waiting at the door.
     *
     * @return false when {@code timeout} passed first
     */
    public synchronized boolean awaitWaiting(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /**
     * The invocations that ended since a test first asked the cloud for these hooks (at most the
     * last 256), in the order they ended. Nothing is kept before: a cloud no test looks at keeps no
     * events (an API submission can be megabytes).
     */
    public synchronized List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    /** Called by the function before its handler runs: waits while held, throws when a failure is armed. */
    void beforeHandler() {
        synchronized (this) {
            waiting++;
            notifyAll();
            try {
                while (held) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(function + " was interrupted while held", e);
            } finally {
                waiting--;
            }
        }
        if (failing.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new InjectedFault(function);
        }
    }

    public synchronized void record() {
        recording = true;
    }

    synchronized void ended(Invocation invocation) {
        if (!recording) {
            return;
        }
        if (invocations.size() == KEPT) {
            invocations.removeFirst();
        }
        invocations.addLast(invocation);
    }
}
