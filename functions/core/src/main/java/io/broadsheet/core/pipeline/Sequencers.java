package io.broadsheet.core.pipeline;

/**
 * S3 event sequencers: hex strings that order the events of one key (a later upload has a greater
 * one). They are the ordering part of the idempotency key (content hash + version + sequencer).
 */
public final class Sequencers {

    private Sequencers() {
    }

    /**
     * Whether {@code candidate} comes from an older upload than {@code stored}. Sequencers are
     * compared as hex numbers (the shorter one left-padded); a missing one is unordered, never older.
     */
    public static boolean isOlder(String candidate, String stored) {
        if (candidate == null || stored == null) {
            return false;
        }
        int width = Math.max(candidate.length(), stored.length());
        String a = "0".repeat(width - candidate.length()) + candidate.toUpperCase();
        String b = "0".repeat(width - stored.length()) + stored.toUpperCase();
        return a.compareTo(b) < 0;
    }
}
