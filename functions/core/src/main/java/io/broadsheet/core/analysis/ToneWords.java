package io.broadsheet.core.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Words that carry tone ("disaster", "superb"): VADER's published lexicon (MIT, see
 * {@code VADER-LICENSE.txt}) and our news supplement ({@code supplement-lexicon.tsv}). The sentence
 * encoder reads sentiment now; these lists only keep tone words from being taken for what an article
 * is about ({@link Aspects}). Loaded once per JVM.
 */
final class ToneWords {

    private static final Set<String> WORDS = load();

    private ToneWords() {
    }

    /** Whether the lower-case single word is listed. */
    static boolean contains(String lower) {
        return WORDS.contains(lower);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(32_768, 0.5f);
        read("vader_lexicon.txt", words);
        read("supplement-lexicon.tsv", words);
        return words;
    }

    /** The first column of each entry line (tab-separated, {@code #} comments); phrases are left out. */
    private static void read(String resource, Set<String> words) {
        try (InputStream in = ToneWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String key = line.isBlank() || line.startsWith("#") || line.indexOf('\t') < 0 ? null
                        : line.substring(0, line.indexOf('\t')).strip().toLowerCase(Locale.ROOT);
                if (key != null && key.indexOf(' ') < 0) {
                    words.add(key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
