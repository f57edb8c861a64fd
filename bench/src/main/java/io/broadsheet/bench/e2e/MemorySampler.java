package io.broadsheet.bench.e2e;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Samples, every few milliseconds while a run lasts, the heap in use of this JVM (where the functions
 * run), and the resident set of this JVM and of another process (dynalite), read from
 * {@code /proc/<pid>/status}; keeps the peaks. Where {@code /proc} is missing the RSS peaks stay empty.
 * The heap in use peaks where the collector lets garbage pile up (it depends on the maximum heap), so
 * the largest heap left after a collection (the live data) is kept too, from the collectors' notifications.
 */
final class MemorySampler implements AutoCloseable {

    private static final long MB = 1024 * 1024;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long otherPid;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakRss = -1;
    private volatile long peakOtherRss = -1;
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final NotificationListener afterGc = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            peakAfterGc.accumulateAndGet(live, Math::max);
        }
    };

    MemorySampler(long otherPid, long periodMillis) {
        this.otherPid = otherPid;
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(afterGc, null, null));
        this.thread = Thread.ofPlatform().name("memory-sampler").daemon().start(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void sample() {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        residentBytes(ProcessHandle.current().pid()).ifPresent(rss -> peakRss = Math.max(peakRss, rss));
        residentBytes(otherPid).ifPresent(rss -> peakOtherRss = Math.max(peakOtherRss, rss));
    }

    long peakHeapMb() {
        return peakHeap / MB;
    }

    /** The largest heap left after a collection; 0 when none ran. */
    long peakHeapAfterGcMb() {
        return peakAfterGc.get() / MB;
    }

    /** -1 when it could not be read. */
    long peakRssMb() {
        return peakRss < 0 ? -1 : peakRss / MB;
    }

    /** -1 when it could not be read. */
    long peakOtherRssMb() {
        return peakOtherRss < 0 ? -1 : peakOtherRss / MB;
    }

    /** The resident set of a process ({@code VmRSS}). */
    static OptionalLong residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(afterGc);
            } catch (ListenerNotFoundException e) {
                // not registered on this one
            }
        });
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
