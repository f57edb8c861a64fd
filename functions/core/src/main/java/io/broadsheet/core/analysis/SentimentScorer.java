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

    /**
     * A word as the rules see it: "n't" spelled "nt", its classes, whether a listed phrase starts with it, its valence.
     * The entry cached on a spelling ({@link #spelling}) adds the classes that depend on how it is written.
     */
    private record Entry(SentimentScorer scorer, String lower, int flags, PhraseNode phrase, float valence) {
    }

    /** The listed phrases as a tree of words: a word's node knows the words that continue a phrase from it. */
    private static final class PhraseNode {
        final Map<String, PhraseNode> next = new java.util.HashMap<>(4);
        /** The valence of the phrase that ends here, or null. */
        Float valence;

        static PhraseNode of(Map<String, Float> phrases) {
            PhraseNode root = new PhraseNode();
            phrases.forEach((phrase, valence) -> {
                PhraseNode node = root;
                for (String word : phrase.split(" ", -1)) {
                    node = node.next.computeIfAbsent(word, w -> new PhraseNode());
                }
                node.valence = valence;
            });
            return root;
        }
    }

    /** The first words of the lexicon's phrases. */
    private final PhraseNode phrases;

    SentimentScorer(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
        this.phrases = PhraseNode.of(lexicon.phrases());
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

    /**
     * A sentence's words as the rules see them, word k at index k of each array: {@code lower} is
     * the lower case with "n't" spelled "nt", {@code form} the spelling's id in the article, {@code name}
     * set by {@link #markNames}. One per article, refilled for each sentence.
     */
    private static final class Lexed {
        final Forms forms;
        final ArticleText text;
        /** The sentence's first token in the article: word k is token first + k. */
        int first;
        int n;
        /** Word k's form id and classes, copied out of the article's tables once per sentence. */
        int[] form;
        int[] flags;
        int[] clause;
        boolean[] quoted;
        boolean[] name;
        /** Set by {@link #fallsAfter}: words of a fall that are not scored. */
        boolean[] levelWord;
        /** The words that {@link #canScore}, in order: the only ones the rules can find a tone in. */
        int[] candidates;
        int candidateCount;
        /** The sentence's characters, read as an array rather than through {@link String#charAt}. */
        char[] chars = new char[256];
        /** The classes of all the words together, OR-ed. */
        int anyFlags;
        /** The classes every word has, AND-ed. */
        int allFlags;
        int capitalised;

        Lexed(Forms forms, int capacity) {
            this.forms = forms;
            this.text = forms.text;
            form = new int[capacity];
            flags = new int[capacity];
            clause = new int[capacity];
            quoted = new boolean[capacity];
            name = new boolean[capacity];
            levelWord = new boolean[capacity];
            candidates = new int[capacity];
        }

        int form(int k) {
            return form[k];
        }

        String lower(int k) {
            return forms.lower[form[k]];
        }

        int flags(int k) {
            return flags[k];
        }

        boolean allCaps(int k) {
            return (flags[k] & ALL_CAPS) != 0;
        }

        int start(int k) {
            return text.start(first + k);
        }

        int end(int k) {
            return text.end(first + k);
        }

        boolean is(int k, int flag) {
            return (flags[k] & flag) != 0;
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
    private static final int TOO = 1 << 10;
    private static final int SPITE = 1 << 11;
    // Facts about the spelling rather than the word, added per article form (see Forms).
    private static final int CAPITALISED = 1 << 12;
    private static final int ALL_CAPS = 1 << 13;
    /** Has a valence, starts a listed phrase or is an expectation verb (see {@link #canScore}). */
    private static final int SCORING = 1 << 14;
    // The words single rules look for, so that a rule tests a bit instead of comparing strings.
    private static final int PRETTY = 1 << 15;
    private static final int KIND = 1 << 16;
    private static final int LIKE = 1 << 17;
    private static final int LEAST = 1 << 18;
    /** A yardstick of {@link #isStandardOfComparison}: "hoped", "expected", "advertised", ... */
    private static final int YARDSTICK = 1 << 19;
    /** Where {@link #isUnmetExpectation} looks further: "wish", "wished", "have", "expected". */
    private static final int COUNTERFACTUAL = 1 << 20;

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
            mark(m, Set.of("too"), TOO);
            mark(m, Set.of("spite"), SPITE);
            mark(m, Set.of("pretty"), PRETTY);
            mark(m, Set.of("kind", "sort"), KIND);
            mark(m, Set.of("like", "likes"), LIKE);
            mark(m, Set.of("least"), LEAST);
            mark(m, Set.of("wish", "wished", "have", "expected"), COUNTERFACTUAL);
            return Map.copyOf(m);
        }

        private static void mark(Map<String, Integer> m, Set<String> words, int flag) {
            for (String w : words) {
                m.merge(w, flag, (a, b) -> a | b);
            }
        }

        static int of(String lower) {
            Integer f = FLAGS.get(lower);
            boolean yardstick = lower.startsWith("hop") || lower.startsWith("expect") || lower.equals("advertised")
                    || lower.equals("promised");
            return (f == null ? 0 : f) | (yardstick ? YARDSTICK : 0);
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
        /** The phrase-tree node of a word that starts a listed phrase, else null. */
        private final PhraseNode[] phrase;
        private final float[] valence;
        /** Scratch for one sentence at a time. */
        private Lexed words;

        Forms(ArticleText text) {
            this.text = text;
            int count = text.formCount();
            lower = new String[count];
            flags = new int[count];
            phrase = new PhraseNode[count];
            valence = new float[count];
            words = new Lexed(this, 64);
            for (int f = 0; f < count; f++) {
                ArticleText.Form form = text.formOf(f);
                Entry entry = form.sentiment instanceof Entry cached && cached.scorer() == SentimentScorer.this ? cached : null;
                if (entry == null) {
                    entry = spelling(form);
                    form.sentiment = entry;
                }
                lower[f] = entry.lower();
                flags[f] = entry.flags();
                phrase[f] = entry.phrase();
                valence[f] = entry.valence();
            }
        }

        float valence(int form) {
            return valence[form];
        }
    }

    /** A spelling's entry: its word's, with the classes that depend on the spelling (capitals) and {@link #SCORING}. */
    private Entry spelling(ArticleText.Form form) {
        Entry word = entry(form.lower);
        boolean scoring = word.valence() != 0f || word.phrase() != null || (word.flags() & EXPECT) != 0;
        int flags = word.flags() | (form.allCaps ? ALL_CAPS : 0)
                | (Character.isUpperCase(form.text.charAt(0)) ? CAPITALISED : 0) | (scoring ? SCORING : 0);
        return new Entry(this, word.lower(), flags, word.phrase(), word.valence());
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
        entry = new Entry(this, l, WordClasses.of(l), phrases.next.get(l), lexicon.valence(l));
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
        if (!mayScore(forms, s)) {
            return NEUTRAL;
        }
        String sentence = forms.text.sentence(s);
        int exclamations = lex(forms, s);
        Lexed words = forms.words;
        int n = words.n;
        boolean mixedCase = hasMixedCase(words);
        markNames(words);
        // without a contrast or concession marker every weight is 1: none to compute or multiply by
        float[] contrastWeight = (words.anyFlags & (COORD | CONC | SPITE)) == 0 ? null : contrastWeights(words);
        List<Hit> hits = new ArrayList<>();
        float sum = 0f;
        boolean[] levelWord = words.levelWord;
        int[] candidates = words.candidates;
        // words before this one belong to a phrase already scored
        int next = 0;
        for (int c = 0; c < words.candidateCount; c++) {
            int i = candidates[c];
            if (i < next || levelWord[i]) {
                // a level word: "fell to its lowest level" is the direction of a reversed quantity, not a tone
                continue;
            }
            int w = i;
            String lower = words.lower(w);
            int span = 1;
            float v = 0f;
            // the longest listed phrase from here that stays in one clause (walking the phrase tree
            // word by word instead of looking up every length joined into a string)
            PhraseNode node = forms.phrase[words.form(w)];
            for (int len = 2, limit = node == null ? 0 : Math.min(lexicon.longestPhrase(), n - i); len <= limit; len++) {
                node = node.next.get(words.lower(i + len - 1));
                if (node == null) {
                    break;
                }
                if (node.valence != null && sameClause(words, i, len)) {
                    v = node.valence;
                    span = len;
                }
            }
            if (span > 1 && v == 0f) {
                next = i + span; // a phrase listed as toneless ("as well")
                continue;
            }
            if (span == 1) {
                if (isDegreeUse(words, i, forms) || words.is(w, NEG) || isKindOf(words, i) || isNonVerbLike(words, i)) {
                    continue;
                }
                if (words.name[w]) {
                    continue; // "United Nations", "Hope Street": names carry no tone
                }
                v = forms.valence(words.form(w));
            }
            if (v == 0f && !words.is(w, EXPECT) && !(i > 0 && words.is(i - 1, TOO))) {
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
                if (negated && words.is(w, EXPECT)) {
                    v = FAILED_EXPECTATION;
                    negated = false;
                } else if (i > 0 && words.is(i - 1, TOO) && words.clause[i - 1] == words.clause[w]
                        && !Words.isStopWord(lower)) {
                    v = EXCESS;
                } else {
                    continue;
                }
            }
            if (mixedCase && words.allCaps(w)) {
                v += Math.signum(v) * CAPS_BOOST;
            }
            v += degree(words, i, v);
            if (negated) {
                v *= v > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
            }
            if (hedged(words, i)) {
                v *= HEDGE;
            }
            if (words.quoted[w]) {
                v *= QUOTED;
            }
            if (contrastWeight != null) {
                v *= contrastWeight[i];
            }
            sum += v;
            int last = i + span - 1;
            int from = negated ? negator : i;
            hits.add(new Hit(sentence.substring(words.start(from), words.end(last)), v));
            next = i + span;
        }
        if (sum != 0f && exclamations > 0) {
            sum += Math.signum(sum) * Math.min(exclamations, 4) * 0.292f;
        }
        float compound = (float) (sum / Math.sqrt(sum * sum + NORMALIZE_ALPHA));
        return new Result(compound, List.copyOf(hits));
    }

    private static final Result NEUTRAL = new Result(0f, List.of());

    /**
     * Whether any word can move the score: one with a valence, one that starts a listed phrase, an
     * expectation verb, or a word after "too". Most factual sentences have none, and the rules
     * below would find nothing in them.
     */
    private static boolean mayScore(Forms forms, int sentence) {
        ArticleText text = forms.text;
        boolean afterToo = false;
        for (int t = text.firstToken(sentence); t < text.endToken(sentence); t++) {
            int form = text.form(t);
            if (afterToo || (forms.flags[form] & SCORING) != 0) {
                return true;
            }
            afterToo = (forms.flags[form] & TOO) != 0;
        }
        return false;
    }

    /**
     * Whether word k can move the score: it has a valence, starts a listed phrase, is an expectation
     * verb, or follows "too". Any other word meets a {@code continue} in {@link #score} whatever
     * the rules say, so {@link #lex} lists only these as candidates.
     */
    private static boolean canScore(int flags, boolean afterToo) {
        return afterToo || (flags & SCORING) != 0;
    }

    // ---- lexing ----

    /**
     * The sentence's words with clause numbers and quote state, and the candidates that can score;
     * returns the number of '!'. Counts are kept in locals and stored once at the end.
     */
    private static int lex(Forms forms, int sentence) {
        ArticleText text = forms.text;
        int first = text.firstToken(sentence);
        int count = text.endToken(sentence) - first;
        if (forms.words.clause.length < count) {
            forms.words = new Lexed(forms, Math.max(count, forms.words.clause.length * 2));
        }
        Lexed out = forms.words;
        // the words: their forms and classes, and the candidates
        int[] formOf = out.form;
        int[] flagsOf = out.flags;
        int[] candidates = out.candidates;
        int[] formFlags = forms.flags;
        int anyFlags = 0;
        int allFlags = -1;
        int capitalised = 0;
        int candidateCount = 0;
        boolean afterToo = false;
        for (int k = 0; k < count; k++) {
            int form = text.form(first + k);
            int flags = formFlags[form];
            formOf[k] = form;
            flagsOf[k] = flags;
            anyFlags |= flags;
            allFlags &= flags;
            if (k > 0 && (flags & CAPITALISED) != 0) {
                capitalised++;
            }
            if (canScore(flags, afterToo)) {
                candidates[candidateCount++] = k;
            }
            afterToo = (flags & TOO) != 0;
        }
        // the characters between two words: punctuation opens clauses and quotes
        int[] clauseOf = out.clause;
        boolean[] quotedOf = out.quoted;
        String sentenceText = text.sentence(sentence);
        int n = sentenceText.length();
        if (out.chars.length < n) {
            out.chars = new char[Math.max(n, 2 * out.chars.length)];
        }
        char[] s = out.chars;
        sentenceText.getChars(0, n, s, 0);
        int clause = 0;
        boolean quoted = false;
        int exclamations = 0;
        int i = 0;
        for (int k = 0; ; k++) {
            int gapEnd = k < count ? text.start(first + k) : n;
            for (; i < gapEnd; i++) {
                char c = s[i];
                if (c == ' ') {
                    continue; // most gaps are one space
                }
                switch (c) {
                    case ',', ';', ':', '(', ')', '—', '–' -> clause++;
                    case '-' -> {
                        if (i + 1 < n && s[i + 1] == ' ' && i > 0 && s[i - 1] == ' ') {
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
            if (k == count) {
                break;
            }
            if ((flagsOf[k] & (COORD | CONC)) != 0) {
                clause++;
            }
            clauseOf[k] = clause;
            quotedOf[k] = quoted;
            i = text.end(first + k);
        }
        java.util.Arrays.fill(out.name, 0, count, false);
        java.util.Arrays.fill(out.levelWord, 0, count, false);
        out.first = first;
        out.n = count;
        out.anyFlags = anyFlags;
        out.allFlags = allFlags;
        out.capitalised = capitalised;
        out.candidateCount = candidateCount;
        return exclamations;
    }

    // ---- rules ----

    /**
     * Weight per word from contrast: before "but"/"however" counts half, after it half again as much;
     * a concessive clause ("although ...", "despite ...") counts half, the main clause more.
     */
    private static float[] contrastWeights(Lexed words) {
        int n = words.n;
        float[] weight = new float[n];
        java.util.Arrays.fill(weight, 1f);
        int lastCoordinate = -1;
        for (int i = 0; i < n; i++) {
            String lower = words.lower(i);
            if (words.is(i, COORD) && !(lower.equals("yet") && i > 0 && words.is(i - 1, NEG))) {
                lastCoordinate = i;
            }
        }
        if (lastCoordinate >= 0) {
            for (int i = 0; i < n; i++) {
                weight[i] = i < lastCoordinate ? BEFORE_CONTRAST : AFTER_CONTRAST;
            }
        }
        for (int i = 0; i < n; i++) {
            String lower = words.lower(i);
            boolean inSpiteOf = lower.equals("spite") && i > 0 && words.lower(i - 1).equals("in");
            if (!words.is(i, CONC) && !inSpiteOf) {
                continue;
            }
            if (lower.equals("though") && i == n - 1) {
                continue; // sentence-final "though" is an adverb, not a concession
            }
            int clause = words.clause[i];
            int end = i + 1;
            // the concessive clause runs to the next comma; its words share the clause number after the marker
            while (end < n && words.clause[end] == clause) {
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
    private static int negatorIndex(Lexed words, int i) {
        int clause = words.clause[i];
        for (int k = i - 1; k >= 0 && k >= i - NEGATION_REACH; k--) {
            int w = k;
            if (words.clause[w] != clause) {
                return -1;
            }
            if (words.is(w, NEG)) {
                String lower = words.lower(w);
                if (lower.equals("no") && k + 1 < words.n && k + 1 < i
                        && (words.lower(k + 1).equals("doubt") || words.lower(k + 1).equals("wonder"))) {
                    return -1; // "no doubt it is good" affirms
                }
                if (lower.equals("not") && k + 1 < i && words.lower(k + 1).equals("only")) {
                    return -1; // "not only ... but also"
                }
                return k;
            }
            if (words.is(w, LEAST) && (k == 0 || !words.lower(k - 1).equals("at"))) {
                return k;
            }
        }
        return -1;
    }

    private static boolean hedged(Lexed words, int i) {
        int clause = words.clause[i];
        for (int k = i - 1; k >= 0 && words.clause[k] == clause; k--) {
            if (words.is(k, HEDGE_WORD)) {
                return true;
            }
        }
        return false;
    }

    /** Intensifiers raise and dampeners lower the magnitude of the next words, fading with distance. */
    private static float degree(Lexed words, int i, float v) {
        float change = 0f;
        int clause = words.clause[i];
        for (int back = 1; back <= 3 && i - back >= 0; back++) {
            int w = i - back;
            if (words.clause[w] != clause) {
                break;
            }
            Float d = words.is(w, DEG) ? DEGREE.get(words.lower(w)) : null;
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
    private static boolean isDegreeUse(Lexed words, int i, Forms forms) {
        if (!words.is(i, PRETTY)) {
            return words.is(i, DEG);
        }
        int clause = words.clause[i];
        for (int k = i + 1; k < words.n && k <= i + 3 && words.clause[k] == clause; k++) {
            if (forms.valence(words.form(k)) != 0f) {
                return true;
            }
        }
        return false;
    }

    /** "like" is praise only as a verb with a subject ("I like", "didn't like"), not as a preposition or "would like to". */
    private static boolean isNonVerbLike(Lexed words, int i) {
        if (!words.is(i, LIKE)) {
            return false;
        }
        if (i + 1 < words.n && words.lower(i + 1).equals("to")) {
            return true;
        }
        if (i == 0) {
            return true;
        }
        return !LIKE_SUBJECTS.contains(words.lower(i - 1));
    }

    private static final Set<String> LIKE_SUBJECTS = Set.of("i", "we", "you", "they", "he", "she", "really",
            "also", "still", "dont", "didnt", "doesnt", "not", "definitely", "truly", "totally", "who", "everyone",
            "everybody", "nobody", "people", "customers", "readers", "fans", "voters", "critics");

    /** A clause-initial "don't"/"do not"/"never" is an imperative: "don't be fooled" warns about the harm. */
    private static boolean isWarning(Lexed words, int negator) {
        if (negator < 0) {
            return false;
        }
        int neg = negator;
        int start = negator;
        if (words.lower(neg).equals("not") && negator > 0 && words.lower(negator - 1).equals("do")) {
            start = negator - 1;
        } else if (!words.lower(neg).equals("dont") && !words.lower(neg).equals("never")) {
            return false;
        }
        if (start == 0 || words.clause[start - 1] != words.clause[neg]) {
            return true;
        }
        String before = words.lower(start - 1);
        return before.equals("please") || before.equals("just") || before.equals("so");
    }

    /** "couldn't be happier", "can't be better", "could not be more pleased": negated modal + comparative. */
    private static boolean isCannotBeHappier(Lexed words, int negator, int i) {
        if (negator < 0) {
            return false;
        }
        String neg = words.lower(negator);
        boolean modal = neg.equals("couldnt") || neg.equals("cant") || neg.equals("cannot")
                || (neg.equals("not") && negator > 0 && words.lower(negator - 1).equals("could"));
        if (!modal) {
            return false;
        }
        String w = words.lower(i);
        boolean comparative = w.endsWith("er") || words.lower(i - 1).equals("more");
        boolean be = false;
        for (int k = negator + 1; k < i; k++) {
            be |= words.lower(k).equals("be");
        }
        return be && comparative;
    }

    /**
     * Unmet expectation: praise under a counterfactual ("should have been better", "I wish it were
     * good", "I was hoping for more", "I had expected better") reports its absence.
     */
    private static boolean isUnmetExpectation(Lexed words, int i) {
        int clause = words.clause[i];
        for (int k = i - 1; k >= 0 && k >= i - 5 && words.clause[k] == clause; k--) {
            if (!words.is(k, COUNTERFACTUAL)) {
                continue;
            }
            String w = words.lower(k);
            if (w.equals("wish") || w.equals("wished")) {
                return true;
            }
            if (w.equals("have") && k > 0) {
                String modal = words.lower(k - 1);
                if ((modal.equals("should") || modal.equals("could") || modal.equals("would"))
                        && k + 1 < words.n && words.lower(k + 1).equals("been")) {
                    return true;
                }
            }
            if (w.equals("expected") && k > 0) {
                String before = words.lower(k - 1);
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

    private static boolean isReversed(Lexed words, int i, float v) {
        int clause = words.clause[i];
        for (int k = i - 1; k >= 0 && k >= i - 3 && words.clause[k] == clause; k--) {
            int w = k;
            if (words.is(w, REMOVE)) {
                return v < 0 || words.is(w, DECREASE_GOOD);
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
    private static boolean fallsAfter(Lexed words, int i, boolean[] levelWord) {
        int clause = words.clause[i];
        for (int k = i + 1; k < words.n && k <= i + 3 && words.clause[k] == clause; k++) {
            if (words.is(k, FALL)) {
                levelWord[k] = true;
                for (int m = k + 1; m < words.n && m <= k + 5 && words.clause[m] == clause; m++) {
                    if (words.is(m, LEVEL)) {
                        levelWord[m] = true;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean isStandardOfComparison(Lexed words, int i) {
        if (!words.is(i, YARDSTICK)) {
            return false;
        }
        int clause = words.clause[i];
        for (int k = i - 1; k >= 0 && k >= i - 3 && words.clause[k] == clause; k--) {
            String b = words.lower(k);
            if (b.equals("as") || b.equals("than")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKindOf(Lexed words, int i) {
        return words.is(i, KIND) && i + 1 < words.n
                && words.lower(i + 1).equals("of");
    }

    private static boolean sameClause(Lexed words, int i, int len) {
        return words.clause[i] == words.clause[i + len - 1];
    }

    /**
     * In running prose (mostly lower case), a capitalised word inside the sentence is part of a
     * name. Headlines and shouting (mostly capitals) are left alone.
     */
    private static void markNames(Lexed words) {
        // words.capitalised: the capitalised words after the first, counted while lexing
        if (words.capitalised == 0 || words.capitalised * 2 > words.n - 1) {
            return;
        }
        for (int i = 1; i < words.n; i++) {
            if ((words.flags[i] & (CAPITALISED | ALL_CAPS)) == CAPITALISED && !words.lower(i).equals("i")
                    && words.clause[i - 1] == words.clause[i]) {
                words.name[i] = true;
            }
        }
    }

    private static boolean hasMixedCase(Lexed words) {
        // some word in capitals, and not every one
        return (words.anyFlags & ALL_CAPS) != 0 && (words.allFlags & ALL_CAPS) == 0;
    }

    static boolean isAllCaps(String text) {
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
