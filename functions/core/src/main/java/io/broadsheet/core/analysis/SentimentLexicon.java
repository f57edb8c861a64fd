package io.broadsheet.core.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Word and phrase valences on VADER's scale (-4 .. +4): VADER's published lexicon (MIT, see
 * {@code VADER-LICENSE.txt}) plus our own supplement of news vocabulary and everyday complaint and
 * praise ({@code supplement-lexicon.tsv}), which overrides VADER where both list a word.
 * Loaded once per JVM: the lexicon is immutable and shared.
 */
final class SentimentLexicon {

    private static final SentimentLexicon DEFAULT = load();

    private final Map<String, Float> words;
    /** Multi-word entries, keyed by their lower-case words joined with single spaces. */
    private final Map<String, Float> phrases;
    private final int longestPhrase;
    /**
     * Valences found through inflection or respelling, remembered: the fallback builds several
     * candidate strings per unknown word. Bounded; the result never depends on what is cached.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Float> fallbackCache = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int FALLBACK_CACHE_LIMIT = 200_000;

    private SentimentLexicon(Map<String, Float> words, Map<String, Float> phrases, int longestPhrase) {
        this.words = words;
        this.phrases = phrases;
        this.longestPhrase = longestPhrase;
    }

    static SentimentLexicon defaultLexicon() {
        return DEFAULT;
    }

    /** The valence of a lower-case word, trying simple inflections when the form itself is not listed; 0 when unknown. */
    float valence(String lower) {
        Float v = words.get(lower);
        if (v != null) {
            return v;
        }
        if (lower.length() < 5) {
            return 0f;
        }
        Float cached = fallbackCache.get(lower);
        if (cached != null) {
            return cached;
        }
        float inflected = inflected(lower);
        float found = inflected != 0f || lower.length() < 8 ? inflected : respelled(lower);
        if (fallbackCache.size() < FALLBACK_CACHE_LIMIT) {
            fallbackCache.put(lower, found);
        }
        return found;
    }

    /**
     * The commonest misspelling of long words is a doubled or single consonant ("disapointing",
     * "reccomend"): try the word with one letter doubled or one double undone.
     */
    private float respelled(String w) {
        StringBuilder sb = new StringBuilder(w.length() + 1);
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            if ("aeiouy".indexOf(c) >= 0) {
                continue;
            }
            if (c == w.charAt(i - 1)) {
                sb.setLength(0);
                sb.append(w, 0, i).append(w, i + 1, w.length());
            } else {
                sb.setLength(0);
                sb.append(w, 0, i + 1).append(c).append(w, i + 1, w.length());
            }
            Float v = words.get(sb.toString());
            if (v != null) {
                return v;
            }
        }
        return 0f;
    }

    boolean contains(String lower) {
        return words.containsKey(lower);
    }

    /** The multi-word entries: their lower-case words joined with single spaces ("n't" spelled "nt"), and valences. */
    Map<String, Float> phrases() {
        return java.util.Collections.unmodifiableMap(phrases);
    }

    int longestPhrase() {
        return longestPhrase;
    }

    /**
     * VADER lists many words in one form only ("plunge" but not "plunged"). Regular English
     * inflections keep the base word's polarity, so unknown forms fall back to their stem.
     */
    private float inflected(String w) {
        int n = w.length();
        if (n < 5) {
            return 0f;
        }
        String[] candidates;
        if (w.endsWith("ies")) {
            candidates = new String[] {w.substring(0, n - 3) + "y"};
        } else if (w.endsWith("ied")) {
            candidates = new String[] {w.substring(0, n - 3) + "y"};
        } else if (w.endsWith("es")) {
            candidates = new String[] {w.substring(0, n - 1), w.substring(0, n - 2)};
        } else if (w.endsWith("s") && !w.endsWith("ss")) {
            candidates = new String[] {w.substring(0, n - 1)};
        } else if (w.endsWith("ed")) {
            candidates = new String[] {w.substring(0, n - 1), w.substring(0, n - 2),
                    n > 6 && w.charAt(n - 3) == w.charAt(n - 4) ? w.substring(0, n - 3) : w.substring(0, n - 2)};
        } else if (w.endsWith("ing")) {
            candidates = new String[] {w.substring(0, n - 3), w.substring(0, n - 3) + "e"};
        } else if (w.endsWith("ly") && !w.endsWith("ily") && !w.equals("likely") && !w.equals("early")) {
            candidates = new String[] {w.substring(0, n - 2), w.substring(0, n - 2) + "e"};
        } else if (w.endsWith("ily")) {
            candidates = new String[] {w.substring(0, n - 3) + "y"};
        } else {
            return 0f;
        }
        for (String c : candidates) {
            Float v = words.get(c);
            if (v != null) {
                return v;
            }
        }
        return 0f;
    }

    private static SentimentLexicon load() {
        Map<String, Float> words = new HashMap<>(32_768, 0.5f);
        Map<String, Float> phrases = new HashMap<>();
        int[] longest = {1};
        read("vader_lexicon.txt", (key, value) -> words.put(key, value));
        read("supplement-lexicon.tsv", (key, value) -> {
            if (key.indexOf(' ') >= 0) {
                // the scorer writes "don't" as "dont": store phrases the same way
                String normal = key.replace("can't", "cant").replace("won't", "wont").replace("n't", "nt");
                phrases.put(normal, value);
                longest[0] = Math.max(longest[0], key.split(" ").length);
            } else {
                words.put(key, value);
            }
        });
        // HashMap rather than Map.copyOf: it compares cached hashes before equals, which matters
        // for a 7,500-entry map probed for every word
        return new SentimentLexicon(words, new HashMap<>(phrases), longest[0]);
    }

    private interface Entry {
        void accept(String key, float value);
    }

    private static void read(String resource, Entry entry) {
        try (InputStream in = SentimentLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 2) {
                    continue;
                }
                entry.accept(cols[0].strip().toLowerCase(Locale.ROOT), Float.parseFloat(cols[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
