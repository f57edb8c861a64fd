package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the tone of one sentence, VADER style, with the rules news prose needs: negation that
 * reaches to the end of its clause, intensifiers and dampeners, contrast ("but", "although",
 * "despite"), hedges, quoted speech and negated expectations ("did not work").
 *
 * <p>The result is VADER's compound score (-1 .. +1) plus the words that moved it most, so the
 * explanation bullets can point at the article's own phrases.
 */
final class SentimentScorer {

    /** VADER's empirically derived constants. */
    private static final float BOOST = 0.293f;
    private static final float CAPS_BOOST = 0.733f;
    private static final float NEGATE_POSITIVE = -0.74f;
    /** "not bad" is mildly good, not as good as "bad" is bad. */
    private static final float NEGATE_NEGATIVE = -0.5f;
    private static final float NORMALIZE_ALPHA = 15f;
    /** A negated expectation verb ("did not work", "won't help") is a complaint. */
    private static final float FAILED_EXPECTATION = -1.6f;
    /** "too small", "too loud": excess is a complaint. */
    private static final float EXCESS = -1.2f;
    private static final float HEDGE = 0.7f;
    private static final float QUOTED = 0.85f;
    private static final float BEFORE_CONTRAST = 0.5f;
    private static final float AFTER_CONTRAST = 1.5f;
    private static final int NEGATION_REACH = 5;

    private static final Map<String, Float> DEGREE = degreeWords();

    private static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot",
            "without", "hardly", "barely", "scarcely", "rarely", "seldom", "lack", "lacks", "lacked", "aint", "arent", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt",
            "havent", "isnt", "wasnt", "werent", "wont", "wouldnt", "shouldnt", "mustnt", "neednt");

    /** Verbs and adjectives that name an expectation; negated, they complain even though they carry no valence. */
    private static final Set<String> EXPECTATIONS = Set.of(
            "work", "works", "worked", "working", "function", "functions", "functioned", "fit", "fits",
            "charge", "charges", "hold", "holds", "held", "last", "lasts", "lasted", "deliver", "delivers",
            "delivered", "connect", "connects", "connected", "respond", "responds", "responded", "buy",
            "solve", "solved", "arrive", "arrived", "expect", "expected", "worth", "enough", "stay", "stays",
            "stick", "sticks", "hold up", "recognize", "recognizes", "load", "loads", "open", "opens",
            "turn", "turns", "sync", "syncs", "pair", "pairs", "match", "matches", "matched", "compete",
            "maintain", "maintains", "explain", "explains", "upload", "store", "figure", "hear", "understand",
            "back", "sense");

    private static final Set<String> COORDINATE_CONTRAST = Set.of(
            "but", "however", "nevertheless", "nonetheless", "yet", "except", "unfortunately");
    private static final Set<String> CONCESSIVE = Set.of("although", "though", "despite", "whereas", "notwithstanding");

    private static final Set<String> HEDGES = Set.of(
            "may", "might", "could", "possibly", "perhaps", "maybe", "reportedly", "allegedly", "apparently",
            "seemingly", "probably", "likely", "unlikely", "seems", "seem", "seemed", "appears", "appear",
            "suggests", "suggest", "expected", "if");

    private final SentimentLexicon lexicon;
    /**
     * Each lower-case word's entry, computed on first sight: a word costs four lexicon lookups
     * (classes, phrase head, valence, the inflection fallback) the first time, one lookup after.
     * Bounded; the scores never depend on what is cached.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int ENTRY_CACHE_LIMIT = 50_000;

    /** A word as the rules see it: "n't" spelled "nt", its classes, whether a listed phrase starts with it, its valence. */
    private record Entry(String lower, int flags, boolean phraseHead, float valence) {
    }

    SentimentScorer(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
    }

    SentimentScorer() {
        this(SentimentLexicon.defaultLexicon());
    }

    /** A sentence's score and the phrases that drove it. */
    record Result(float compound, List<Hit> hits) {
        boolean neutral() {
            return hits.isEmpty();
        }
    }

    /** A word or phrase that contributed: the text as written in the sentence, and its signed weight. */
    record Hit(String text, float weight) {
    }

    /** A token as the rules see it: {@code lower} is the form's lower case with "n't" spelled "nt"; {@code form} its id in the article. */
    private record Word(String text, String lower, int clause, boolean quoted, int start, int end, boolean name, int flags,
                        int form, boolean allCaps) {

        boolean is(int flag) {
            return (flags & flag) != 0;
        }
    }

    // Word classes as bits, looked up once per word when lexing instead of probing a set per rule.
    private static final int NEG = 1;
    private static final int DEG = 1 << 1;
    private static final int COORD = 1 << 2;
    private static final int CONC = 1 << 3;
    private static final int HEDGE_WORD = 1 << 4;
    private static final int EXPECT = 1 << 5;
    private static final int REMOVE = 1 << 6;
    private static final int DECREASE_GOOD = 1 << 7;
    private static final int FALL = 1 << 8;
    private static final int LEVEL = 1 << 9;

    /** Built on first use, after the word sets above and below are initialised. */
    private static final class WordClasses {
        static final Map<String, Integer> FLAGS = build();

        private static Map<String, Integer> build() {
            Map<String, Integer> m = new java.util.HashMap<>();
            mark(m, NEGATORS, NEG);
            mark(m, DEGREE.keySet(), DEG);
            mark(m, COORDINATE_CONTRAST, COORD);
            mark(m, CONCESSIVE, CONC);
            mark(m, HEDGES, HEDGE_WORD);
            mark(m, EXPECTATIONS, EXPECT);
            mark(m, REMOVERS, REMOVE);
            mark(m, DECREASERS, DECREASE_GOOD);
            mark(m, DECREASES, FALL);
            mark(m, LEVELS, LEVEL);
            return Map.copyOf(m);
        }

        private static void mark(Map<String, Integer> m, Set<String> words, int flag) {
            for (String w : words) {
                m.merge(w, flag, (a, b) -> a | b);
            }
        }

        static int of(String lower) {
            Integer f = FLAGS.get(lower);
            return f == null ? 0 : f;
        }
    }

    /**
     * What the rules need about each distinct spelling of an article, looked up once per spelling:
     * the scorer's lower case, the word classes, whether it starts a listed phrase, its valence.
     */
    final class Forms {
        private final ArticleText text;
        private final String[] lower;
        private final int[] flags;
        private final boolean[] phraseHead;
        private final boolean[] allCaps;
        private final float[] valence;

        Forms(ArticleText text) {
            this.text = text;
            int count = text.formCount();
            lower = new String[count];
            flags = new int[count];
            phraseHead = new boolean[count];
            allCaps = new boolean[count];
            valence = new float[count];
            for (int f = 0; f < count; f++) {
                ArticleText.Form form = text.formOf(f);
                Entry entry = entry(form.lower);
                lower[f] = entry.lower();
                flags[f] = entry.flags();
                phraseHead[f] = entry.phraseHead();
                valence[f] = entry.valence();
                allCaps[f] = isAllCaps(form.text);
            }
        }

        float valence(int form) {
            return valence[form];
        }
    }

    private Entry entry(String word) {
        Entry entry = entries.get(word);
        if (entry != null) {
            return entry;
        }
        String l = word;
        if (l.endsWith("n't")) {
            // "didn't" -> "didnt" so that one set of negators covers both spellings
            l = l.equals("can't") ? "cant" : l.equals("won't") ? "wont" : l.replace("'", "");
        }
        entry = new Entry(l, WordClasses.of(l), lexicon.startsPhrase(l), lexicon.valence(l));
        if (entries.size() < ENTRY_CACHE_LIMIT) {
            entries.put(word, entry);
        }
        return entry;
    }

    /** The scorer's view of these tokenised sentences; build once per article and score each sentence through it. */
    Forms forms(ArticleText text) {
        return new Forms(text);
    }

    Result score(String sentence) {
        return score(forms(new ArticleText(List.of(sentence))), 0);
    }

    /** Scores sentence {@code s} of the article the forms were built for. */
    Result score(Forms forms, int s) {
        String sentence = forms.text.sentence(s);
        List<Word> words = new ArrayList<>(forms.text.endToken(s) - forms.text.firstToken(s));
        int exclamations = lex(forms, s, words);
        int n = words.size();
        if (n == 0) {
            return new Result(0f, List.of());
        }
        boolean mixedCase = hasMixedCase(words);
        markNames(words);
        float[] contrastWeight = contrastWeights(words);
        List<Hit> hits = new ArrayList<>();
        float sum = 0f;
        boolean[] levelWord = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (levelWord[i]) {
                continue; // "fell to its lowest level": the direction of a reversed quantity, not a tone
            }
            Word w = words.get(i);
            String lower = w.lower();
            int span = 1;
            float v = 0f;
            for (int len = forms.phraseHead[w.form()] ? Math.min(lexicon.longestPhrase(), n - i) : 0; len >= 2; len--) {
                Float p = lexicon.phrase(join(words, i, len));
                if (p != null && sameClause(words, i, len)) {
                    v = p;
                    span = len;
                    break;
                }
            }
            if (span > 1 && v == 0f) {
                i += span - 1; // a phrase listed as toneless ("as well")
                continue;
            }
            if (span == 1) {
                if (isDegreeUse(words, i, forms) || w.is(NEG) || isKindOf(words, i) || isNonVerbLike(words, i)) {
                    continue;
                }
                if (w.name()) {
                    continue; // "United Nations", "Hope Street": names carry no tone
                }
                v = forms.valence(w.form());
            }
            if (v == 0f && !w.is(EXPECT) && !(i > 0 && words.get(i - 1).lower().equals("too"))) {
                continue;
            }
            int negator = negatorIndex(words, i);
            boolean negated = negator >= 0;
            if (negated && v < 0 && isWarning(words, negator)) {
                negated = false; // "don't be fooled": a warning keeps the harm negative
            }
            if (negated && v > 0 && isCannotBeHappier(words, negator, i)) {
                negated = false; // "couldn't be happier" is the top of the scale
            }
            if (v != 0f && isStandardOfComparison(words, i)) {
                continue; // "not as good as I had hoped": the hope is the yardstick, not the verdict
            }
            if (isReversed(words, i, v)) {
                v *= NEGATE_NEGATIVE; // "fixes the problems", "ended the war", "cut growth"
            } else if (v < 0 && span == 1 && fallsAfter(words, i, levelWord)) {
                v *= NEGATE_NEGATIVE; // "unemployment fell", "inflation eased": less of a bad thing
            }
            if (!negated && v > 0 && isUnmetExpectation(words, i)) {
                v *= NEGATE_POSITIVE; // "I expected better", "should have been better"
            }
            if (v == 0f) {
                if (negated && w.is(EXPECT)) {
                    v = FAILED_EXPECTATION;
                    negated = false;
                } else if (i > 0 && words.get(i - 1).lower().equals("too") && words.get(i - 1).clause() == w.clause()
                        && !Words.isStopWord(lower)) {
                    v = EXCESS;
                } else {
                    continue;
                }
            }
            if (mixedCase && w.allCaps()) {
                v += Math.signum(v) * CAPS_BOOST;
            }
            v += degree(words, i, v);
            if (negated) {
                v *= v > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
            }
            if (hedged(words, i)) {
                v *= HEDGE;
            }
            if (w.quoted()) {
                v *= QUOTED;
            }
            v *= contrastWeight[i];
            sum += v;
            Word last = words.get(i + span - 1);
            int from = negated ? negator : i;
            hits.add(new Hit(sentence.substring(words.get(from).start(), last.end()), v));
            i += span - 1;
        }
        if (sum != 0f && exclamations > 0) {
            sum += Math.signum(sum) * Math.min(exclamations, 4) * 0.292f;
        }
        float compound = (float) (sum / Math.sqrt(sum * sum + NORMALIZE_ALPHA));
        return new Result(compound, List.copyOf(hits));
    }

    // ---- lexing ----

    /** The sentence's words with clause numbers and quote state; returns the number of '!'. */
    private static int lex(Forms forms, int sentence, List<Word> out) {
        ArticleText text = forms.text;
        String s = text.sentence(sentence);
        int clause = 0;
        boolean quoted = false;
        int exclamations = 0;
        int n = s.length();
        int i = 0;
        int endToken = text.endToken(sentence);
        for (int t = text.firstToken(sentence); ; t++) {
            // the characters between two words: punctuation opens clauses and quotes
            int gapEnd = t < endToken ? text.start(t) : n;
            for (; i < gapEnd; i++) {
                switch (s.charAt(i)) {
                    case ',', ';', ':', '(', ')', '—', '–' -> clause++;
                    case '-' -> {
                        if (i + 1 < n && s.charAt(i + 1) == ' ' && i > 0 && s.charAt(i - 1) == ' ') {
                            clause++;
                        }
                    }
                    case '.', '?' -> clause++;
                    case '!' -> {
                        exclamations++;
                        clause++;
                    }
                    case '"' -> {
                        quoted = !quoted;
                        clause++;
                    }
                    case '“' -> {
                        quoted = true;
                        clause++;
                    }
                    case '”' -> {
                        quoted = false;
                        clause++;
                    }
                    default -> {
                    }
                }
            }
            if (t == endToken) {
                return exclamations;
            }
            int form = text.form(t);
            int flags = forms.flags[form];
            if ((flags & (COORD | CONC)) != 0) {
                clause++;
            }
            i = text.end(t);
            out.add(new Word(text.formOf(form).text, forms.lower[form], clause, quoted, text.start(t), i, false, flags,
                    form, forms.allCaps[form]));
        }
    }

    // ---- rules ----

    /**
     * Weight per word from contrast: before "but"/"however" counts half, after it half again as much;
     * a concessive clause ("although ...", "despite ...") counts half, the main clause more.
     */
    private static float[] contrastWeights(List<Word> words) {
        int n = words.size();
        float[] weight = new float[n];
        java.util.Arrays.fill(weight, 1f);
        int lastCoordinate = -1;
        for (int i = 0; i < n; i++) {
            String lower = words.get(i).lower();
            if (words.get(i).is(COORD) && !(lower.equals("yet") && i > 0 && words.get(i - 1).is(NEG))) {
                lastCoordinate = i;
            }
        }
        if (lastCoordinate >= 0) {
            for (int i = 0; i < n; i++) {
                weight[i] = i < lastCoordinate ? BEFORE_CONTRAST : AFTER_CONTRAST;
            }
        }
        for (int i = 0; i < n; i++) {
            String lower = words.get(i).lower();
            boolean inSpiteOf = lower.equals("spite") && i > 0 && words.get(i - 1).lower().equals("in");
            if (!words.get(i).is(CONC) && !inSpiteOf) {
                continue;
            }
            if (lower.equals("though") && i == n - 1) {
                continue; // sentence-final "though" is an adverb, not a concession
            }
            int clause = words.get(i).clause();
            int end = i + 1;
            // the concessive clause runs to the next comma; its words share the clause number after the marker
            while (end < n && words.get(end).clause() == clause) {
                end++;
            }
            boolean concessionHasMain = i > 0 || end < n;
            if (!concessionHasMain) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                boolean inConcession = k >= i && k < end;
                weight[k] *= inConcession ? BEFORE_CONTRAST : (lastCoordinate >= 0 ? 1f : AFTER_CONTRAST);
            }
        }
        return weight;
    }

    /** Index of a negator whose scope covers word i: up to five words back ("don't think the service was good"), within the clause. */
    private static int negatorIndex(List<Word> words, int i) {
        int clause = words.get(i).clause();
        for (int k = i - 1; k >= 0 && k >= i - NEGATION_REACH; k--) {
            Word w = words.get(k);
            if (w.clause() != clause) {
                return -1;
            }
            String lower = w.lower();
            if (w.is(NEG)) {
                if (lower.equals("no") && k + 1 < words.size() && k + 1 < i
                        && (words.get(k + 1).lower().equals("doubt") || words.get(k + 1).lower().equals("wonder"))) {
                    return -1; // "no doubt it is good" affirms
                }
                if (lower.equals("not") && k + 1 < i && words.get(k + 1).lower().equals("only")) {
                    return -1; // "not only ... but also"
                }
                return k;
            }
            if (lower.equals("least") && (k == 0 || !words.get(k - 1).lower().equals("at"))) {
                return k;
            }
        }
        return -1;
    }

    private static boolean hedged(List<Word> words, int i) {
        int clause = words.get(i).clause();
        for (int k = i - 1; k >= 0 && words.get(k).clause() == clause; k--) {
            if (words.get(k).is(HEDGE_WORD)) {
                return true;
            }
        }
        return false;
    }

    /** Intensifiers raise and dampeners lower the magnitude of the next words, fading with distance. */
    private static float degree(List<Word> words, int i, float v) {
        float change = 0f;
        int clause = words.get(i).clause();
        for (int back = 1; back <= 3 && i - back >= 0; back++) {
            Word w = words.get(i - back);
            if (w.clause() != clause) {
                break;
            }
            Float d = w.is(DEG) ? DEGREE.get(w.lower()) : null;
            if (d == null && isKindOf(words, i - back)) {
                d = -BOOST;
            }
            if (d != null) {
                float scaled = d * (back == 1 ? 1f : back == 2 ? 0.95f : 0.9f);
                change += Math.signum(v) * scaled;
            }
        }
        return change;
    }

    /** "pretty" is an intensifier before a sentiment word ("pretty bad") and praise otherwise ("a pretty case"). */
    private static boolean isDegreeUse(List<Word> words, int i, Forms forms) {
        String lower = words.get(i).lower();
        if (!lower.equals("pretty")) {
            return words.get(i).is(DEG);
        }
        int clause = words.get(i).clause();
        for (int k = i + 1; k < words.size() && k <= i + 3 && words.get(k).clause() == clause; k++) {
            if (forms.valence(words.get(k).form()) != 0f) {
                return true;
            }
        }
        return false;
    }

    /** "like" is praise only as a verb with a subject ("I like", "didn't like"), not as a preposition or "would like to". */
    private static boolean isNonVerbLike(List<Word> words, int i) {
        String lower = words.get(i).lower();
        if (!lower.equals("like") && !lower.equals("likes")) {
            return false;
        }
        if (i + 1 < words.size() && words.get(i + 1).lower().equals("to")) {
            return true;
        }
        if (i == 0) {
            return true;
        }
        return !LIKE_SUBJECTS.contains(words.get(i - 1).lower());
    }

    private static final Set<String> LIKE_SUBJECTS = Set.of("i", "we", "you", "they", "he", "she", "really",
            "also", "still", "dont", "didnt", "doesnt", "not", "definitely", "truly", "totally", "who", "everyone",
            "everybody", "nobody", "people", "customers", "readers", "fans", "voters", "critics");

    /** A clause-initial "don't"/"do not"/"never" is an imperative: "don't be fooled" warns about the harm. */
    private static boolean isWarning(List<Word> words, int negator) {
        if (negator < 0) {
            return false;
        }
        Word neg = words.get(negator);
        int start = negator;
        if (neg.lower().equals("not") && negator > 0 && words.get(negator - 1).lower().equals("do")) {
            start = negator - 1;
        } else if (!neg.lower().equals("dont") && !neg.lower().equals("never")) {
            return false;
        }
        if (start == 0 || words.get(start - 1).clause() != neg.clause()) {
            return true;
        }
        String before = words.get(start - 1).lower();
        return before.equals("please") || before.equals("just") || before.equals("so");
    }

    /** "couldn't be happier", "can't be better", "could not be more pleased": negated modal + comparative. */
    private static boolean isCannotBeHappier(List<Word> words, int negator, int i) {
        if (negator < 0) {
            return false;
        }
        String neg = words.get(negator).lower();
        boolean modal = neg.equals("couldnt") || neg.equals("cant") || neg.equals("cannot")
                || (neg.equals("not") && negator > 0 && words.get(negator - 1).lower().equals("could"));
        if (!modal) {
            return false;
        }
        String w = words.get(i).lower();
        boolean comparative = w.endsWith("er") || words.get(i - 1).lower().equals("more");
        boolean be = false;
        for (int k = negator + 1; k < i; k++) {
            be |= words.get(k).lower().equals("be");
        }
        return be && comparative;
    }

    /**
     * Unmet expectation: praise under a counterfactual ("should have been better", "I wish it were
     * good", "I was hoping for more", "I had expected better") reports its absence.
     */
    private static boolean isUnmetExpectation(List<Word> words, int i) {
        int clause = words.get(i).clause();
        for (int k = i - 1; k >= 0 && k >= i - 5 && words.get(k).clause() == clause; k--) {
            String w = words.get(k).lower();
            if (w.equals("wish") || w.equals("wished")) {
                return true;
            }
            if (w.equals("have") && k > 0) {
                String modal = words.get(k - 1).lower();
                if ((modal.equals("should") || modal.equals("could") || modal.equals("would"))
                        && k + 1 < words.size() && words.get(k + 1).lower().equals("been")) {
                    return true;
                }
            }
            if (w.equals("expected") && k > 0) {
                String before = words.get(k - 1).lower();
                if (before.equals("had") || before.equals("i'd") || before.equals("i") || before.equals("have")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Verbs that remove what follows: removing a harm is good; the decrease verbs also make a good thing bad. */
    private static final Set<String> REMOVERS = Set.of("fix", "fixes", "fixed", "fixing", "solve", "solves", "solved",
            "resolve", "resolves", "resolved", "eliminate", "eliminates", "eliminated", "prevent", "prevents",
            "prevented", "avoid", "avoids", "avoided", "ended", "overcome", "overcame",
            "cure", "cured", "cures", "eases", "eased", "ease", "lifted", "lift", "lifts", "removes", "removed",
            "reduce", "reduces", "reduced", "reducing", "cut", "cuts", "cutting", "curb", "curbs", "curbed",
            "lowered", "lower", "lowers", "slashed", "slash", "halted", "halt", "stopped", "stop", "stops",
            "tackle", "tackles", "tackled", "combat", "fight", "fights", "fighting", "fought", "against");
    private static final Set<String> DECREASERS = Set.of("reduce", "reduces", "reduced", "reducing", "cut", "cuts",
            "cutting", "curb", "curbs", "curbed", "lowered", "lower", "lowers", "slashed", "slash", "halted", "halt",
            "ended", "stopped", "stop", "stops", "eliminate", "eliminates", "eliminated");

    private static boolean isReversed(List<Word> words, int i, float v) {
        int clause = words.get(i).clause();
        for (int k = i - 1; k >= 0 && k >= i - 3 && words.get(k).clause() == clause; k--) {
            Word w = words.get(k);
            if (w.is(REMOVE)) {
                return v < 0 || w.is(DECREASE_GOOD);
            }
        }
        return false;
    }

    /** Verbs by which a quantity goes down. */
    private static final Set<String> DECREASES = Set.of("fell", "fall", "falls", "falling", "dropped", "drops",
            "declined", "declines", "declining", "eased", "eases", "easing", "shrank", "shrinks", "shrunk",
            "narrowed", "narrows", "slowed", "slows", "cooled", "receded", "plunged", "plummeted", "tumbled",
            "halved", "retreated", "dipped", "sank", "slid", "decreased", "decreases");
    /** Words that only say how low or how far a quantity went. */
    private static final Set<String> LEVELS = Set.of("low", "lower", "lowest", "record", "sharply", "steeply", "further");

    /**
     * A bad quantity followed by a fall ("unemployment fell to its lowest level") is good news. When
     * it applies, the fall and the words of level after it are marked so that they are not scored.
     */
    private static boolean fallsAfter(List<Word> words, int i, boolean[] levelWord) {
        int clause = words.get(i).clause();
        for (int k = i + 1; k < words.size() && k <= i + 3 && words.get(k).clause() == clause; k++) {
            if (words.get(k).is(FALL)) {
                levelWord[k] = true;
                for (int m = k + 1; m < words.size() && m <= k + 5 && words.get(m).clause() == clause; m++) {
                    if (words.get(m).is(LEVEL)) {
                        levelWord[m] = true;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean isStandardOfComparison(List<Word> words, int i) {
        String w = words.get(i).lower();
        if (!(w.startsWith("hop") || w.startsWith("expect") || w.equals("advertised") || w.equals("promised"))) {
            return false;
        }
        int clause = words.get(i).clause();
        for (int k = i - 1; k >= 0 && k >= i - 3 && words.get(k).clause() == clause; k--) {
            String b = words.get(k).lower();
            if (b.equals("as") || b.equals("than")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKindOf(List<Word> words, int i) {
        String lower = words.get(i).lower();
        return (lower.equals("kind") || lower.equals("sort")) && i + 1 < words.size()
                && words.get(i + 1).lower().equals("of");
    }

    private static boolean sameClause(List<Word> words, int i, int len) {
        return words.get(i).clause() == words.get(i + len - 1).clause();
    }

    private static String join(List<Word> words, int i, int len) {
        StringBuilder sb = new StringBuilder(words.get(i).lower());
        for (int k = 1; k < len; k++) {
            sb.append(' ').append(words.get(i + k).lower());
        }
        return sb.toString();
    }

    /**
     * In running prose (mostly lower case), a capitalised word inside the sentence is part of a
     * name. Headlines and shouting (mostly capitals) are left alone.
     */
    private static void markNames(List<Word> words) {
        int capitalised = 0;
        for (int i = 1; i < words.size(); i++) {
            if (Character.isUpperCase(words.get(i).text().charAt(0))) {
                capitalised++;
            }
        }
        if (capitalised * 2 > words.size() - 1) {
            return;
        }
        for (int i = 1; i < words.size(); i++) {
            Word w = words.get(i);
            if (Character.isUpperCase(w.text().charAt(0)) && !w.allCaps() && !w.lower().equals("i")
                    && words.get(i - 1).clause() == w.clause()) {
                words.set(i, new Word(w.text(), w.lower(), w.clause(), w.quoted(), w.start(), w.end(), true, w.flags(),
                        w.form(), w.allCaps()));
            }
        }
    }

    private static boolean hasMixedCase(List<Word> words) {
        int caps = 0;
        for (Word w : words) {
            if (w.allCaps()) {
                caps++;
            }
        }
        return caps > 0 && caps < words.size();
    }

    private static boolean isAllCaps(String text) {
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter && text.length() > 1;
    }

    private static Map<String, Float> degreeWords() {
        Map<String, Float> m = new java.util.HashMap<>();
        for (String w : List.of("absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly",
                "deeply", "enormously", "entirely", "especially", "exceptionally", "extremely", "fully", "greatly",
                "highly", "hugely", "incredibly", "intensely", "particularly", "purely", "quite", "really",
                "remarkably", "so", "substantially", "thoroughly", "totally", "tremendously", "truly",
                "unbelievably", "utterly", "very", "most", "more", "super", "sharply", "severely", "seriously",
                "badly", "massively", "significantly", "dramatically", "exceedingly", "overly", "easily")) {
            m.put(w, BOOST);
        }
        for (String w : List.of("almost", "slightly", "somewhat", "marginally", "partly", "fairly",
                "mildly", "moderately", "relatively", "little", "less", "occasionally", "sometimes", "bit")) {
            m.put(w, -BOOST);
        }
        return Map.copyOf(m);
    }
}
