package io.broadsheet.core.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Guesses a text's language from its commonest function words. Enough to tell English from
 * German, French, Spanish, Italian, Dutch and Portuguese, which is all the analysis needs: only
 * English is scored for sentiment. The two mistakes do not cost the same: English text called
 * foreign goes unscored, while a foreign snippet called undetermined is merely scored. So a text is
 * called foreign only on clear evidence ({@value #MIN_FOREIGN_HITS} function words of that language,
 * at least twice as many as English ones; each word counted once), which a short English sentence such as "Not as good as I
 * had hoped." ("as", "no" are Portuguese words too) never gives.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";

    /** Frequent function words that are rare in the other languages of the set. */
    private static final Map<String, Set<String>> PROFILES = Map.of(
            "en", Set.of("the", "and", "of", "to", "is", "was", "that", "with", "for", "this", "are", "it", "have",
                    "has", "which", "were", "be", "by", "from", "they", "their", "he", "she", "not", "but", "at",
                    "as", "no", "so", "if", "or", "you", "your", "i", "we", "my", "our", "will", "would", "can",
                    "what", "all", "been", "there", "about", "just", "did", "do", "an", "on", "in"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "sich", "auf", "für", "ein",
                    "eine", "dem", "auch", "wird", "sind", "zu", "im", "nach", "wie", "bei", "oder", "aus", "werden"),
            "fr", Set.of("le", "la", "les", "et", "est", "des", "une", "du", "dans", "pour", "qui", "que", "pas",
                    "sur", "au", "avec", "ce", "sont", "il", "elle", "ont", "mais", "aux", "nous", "cette", "été"),
            "es", Set.of("el", "los", "las", "y", "es", "del", "una", "por", "con", "para", "que", "como", "pero",
                    "su", "más", "fue", "está", "son", "sus", "ha", "también", "al", "muy", "esta", "entre", "sobre"),
            "it", Set.of("il", "di", "che", "della", "per", "gli", "una", "sono", "con", "non", "nel", "alla", "dei",
                    "delle", "anche", "è", "ha", "più", "questo", "come", "ma", "stato", "lo", "degli", "nella", "sul"),
            "nl", Set.of("de", "het", "een", "en", "van", "is", "niet", "op", "met", "voor", "zijn", "dat", "die",
                    "ook", "maar", "aan", "bij", "wordt", "werd", "naar", "er", "nog", "heeft", "dit", "om", "hij"),
            "pt", Set.of("o", "os", "as", "e", "do", "da", "dos", "das", "um", "uma", "não", "com", "para", "que",
                    "em", "no", "na", "por", "mais", "foi", "são", "como", "mas", "ao", "também", "está"));

    private static final List<String> ORDER = List.of("en", "de", "fr", "es", "it", "nl", "pt");
    /** The fewest function words of one language that make a text that language rather than undetermined. */
    static final int MIN_HITS = 2;
    /** The fewest function words of a language other than English that make a text foreign. */
    static final int MIN_FOREIGN_HITS = 3;

    /** The function words of a language's profile (empty for a language outside the set). */
    static Set<String> functionWords(String language) {
        return PROFILES.getOrDefault(language, Set.of());
    }

    /** Each profiled word with a bit per language whose profile holds it. */
    private static final Map<String, Integer> MASKS = masks();
    /** The opening of an article is plenty to tell its language. */
    static final int SAMPLE_CHARS = 2_000;

    private static Map<String, Integer> masks() {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int l = 0; l < ORDER.size(); l++) {
            int bit = 1 << l;
            for (String w : PROFILES.get(ORDER.get(l))) {
                m.merge(w, bit, (a, b) -> a | b);
            }
        }
        return Map.copyOf(m);
    }

    /** A bit per language (in {@code ORDER}) whose profile holds the lower-case word. */
    static int languagesOf(String lower) {
        Integer mask = MASKS.get(lower);
        return mask == null ? 0 : mask;
    }

    /** ISO 639-1 code of the likeliest language, or {@link #UNDETERMINED} when the text gives too little to go on. */
    public String detect(String text) {
        return detect(text, null);
    }

    /** As {@link #detect(String)}, looking the words up in the article's own table first when there is one. */
    String detect(String text, ArticleText article) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        int[] hits = new int[ORDER.size()];
        // distinct function words, so that "HA HA HA HA" is not five Spanish words
        java.util.Set<String> seen = new java.util.HashSet<>();
        // the tokens of Words.tokens, each known by its shared form (which knows its profiles)
        java.util.function.Consumer<ArticleText.Form> count = form -> {
            int mask = form.languages;
            if (mask == 0 || !seen.add(form.lower)) {
                return;
            }
            for (int l = 0; mask != 0 && l < hits.length; l++) {
                if ((mask & (1 << l)) != 0) {
                    hits[l]++;
                }
            }
        };
        if (article == null) {
            ArticleText.forEachForm(sample, count);
        } else {
            article.forEachKnownForm(sample, count);
        }
        int best = 0;
        for (int l = 1; l < hits.length; l++) {
            if (hits[l] > hits[best]) {
                best = l;
            }
        }
        if (best != 0 && (hits[best] < MIN_FOREIGN_HITS || hits[best] < 2 * hits[0])) {
            best = 0;
        }
        return hits[best] < MIN_HITS ? UNDETERMINED : ORDER.get(best);
    }
}
