package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds what an article is about: its named actors, places and organisations (runs of capitalised
 * words, titles dropped, aliases merged: "Mayor Jane Smith" / "Smith", "European Union" / "EU")
 * and its key phrases (content-word pairs and words it repeats). Each aspect keeps the sentences
 * that mention it.
 */
final class Aspects {

    /**
     * An actor or topic with the sentences that mention it. A topic's name and keys are built when
     * first asked for: an article has hundreds of candidate topics and the steps read a few.
     */
    static final class Aspect {
        private final TopicMention mention;
        private final boolean named;
        private final List<Integer> sentences;
        private final float salience;
        private Set<String> keys;
        private String name;
        /** A topic's terms (the second -1 for a single word), to build its keys from. */
        private final SentenceVectors vectors;
        private final int term;
        private final int nextTerm;

        /** A named actor, place or organisation. */
        Aspect(String name, Set<String> keys, List<Integer> sentences, float salience) {
            this.mention = null;
            this.name = name;
            this.named = true;
            this.keys = keys;
            this.sentences = sentences;
            this.salience = salience;
            this.vectors = null;
            this.term = -1;
            this.nextTerm = -1;
        }

        /** A topic: a content word or word pair, named as first written, capitalised. */
        private Aspect(TopicMention mention, SentenceVectors vectors, List<Integer> sentences, float salience) {
            this.mention = mention;
            this.named = false;
            this.sentences = sentences;
            this.salience = salience;
            this.vectors = vectors;
            this.term = mention.term;
            this.nextTerm = mention.nextTerm;
        }

        String name() {
            if (name == null) {
                name = capitalise(mention.display());
            }
            return name;
        }

        boolean named() {
            return named;
        }

        /** Lower-case (for topics: folded) forms that mention the aspect. */
        Set<String> keys() {
            if (keys == null) {
                keys = Set.of(nextTerm < 0 ? vectors.term(term) : vectors.term(term) + " " + vectors.term(nextTerm));
            }
            return keys;
        }

        /** Indexes of the sentences that mention it, in order. */
        List<Integer> sentences() {
            return sentences;
        }

        float salience() {
            return salience;
        }

        @Override
        public String toString() {
            return "Aspect[" + name() + ", named=" + named + ", keys=" + keys() + ", sentences=" + sentences
                    + ", salience=" + salience + "]";
        }
    }

    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "mayor", "president", "minister",
            "prime", "senator", "sen", "governor", "gov", "chancellor", "secretary", "chief", "director", "judge",
            "justice", "professor", "councillor", "councilman", "councilwoman", "commissioner", "inspector",
            "officer", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "ceo", "king",
            "queen", "prince", "princess", "pope", "general", "gen", "captain", "capt", "coach", "sheriff",
            "detective", "sergeant", "sgt", "rep", "representative", "lt", "col", "colonel", "deputy", "vice",
            "executive", "superintendent", "chair", "manager", "head", "leader", "rev", "father", "sister",
            "dean", "ambassador", "premier", "mp", "foreign", "finance", "health", "interior", "defence",
            "defense", "economy", "transport", "education", "acting", "former", "new", "state", "owner", "founder",
            "co-founder", "analyst", "economist", "author", "editor", "reporter", "envoy", "union", "councilor",
            "senior", "junior", "lawyer", "attorney", "dr.", "mr.", "mrs.", "ms.");

    private static final int LONGEST_TITLE = TITLES.stream().mapToInt(String::length).max().orElse(0);

    private static final Set<String> CONNECTORS = Set.of("of", "for", "de", "van", "von", "der", "du", "la", "al", "del", "da", "on", "&");

    private static final Set<String> CALENDAR = Set.of(
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /** Alone, not a name: a month or weekday, or a stop word (one lookup for both). */
    private static final Set<String> NOT_A_NAME = notAName();

    private static Set<String> notAName() {
        Set<String> words = new HashSet<>(Words.STOP_WORDS);
        words.addAll(CALENDAR);
        return Set.copyOf(words);
    }

    private Aspects() {
    }

    /** Aspects of the article, most salient first. */
    static List<Aspect> find(String title, List<String> sentences, SentenceVectors vectors) {
        ArticleText text = vectors.text();
        LowerCaseVocabulary lowerVocabulary = new LowerCaseVocabulary(text);
        Map<String, Mention> named = new LinkedHashMap<>();
        char[][] buffer = {new char[256]};
        for (int i = 0; i < sentences.size(); i++) {
            for (String phrase : properNouns(sentences.get(i), lowerVocabulary, buffer)) {
                named.computeIfAbsent(phrase.toLowerCase(Locale.ROOT), k -> new Mention(phrase)).add(i);
            }
        }
        mergeAliases(named);
        String lowerTitle = title == null ? "" : title.toLowerCase(Locale.ROOT);
        List<Aspect> out = new ArrayList<>();
        for (Mention m : named.values()) {
            if (m.mergedInto != null) {
                continue;
            }
            float salience = m.sentences.size() * 1.2f + leadBonus(m.sentences) + (m.mentionedIn(lowerTitle) ? 1f : 0f);
            out.add(new Aspect(m.display, m.keys, List.copyOf(m.sentences), salience));
        }
        out.addAll(topics(text, vectors, named, lowerTitle));
        return bySalience(out);
    }

    /**
     * The aspects, most salient first, ties in their present order: the order of a stable sort by
     * {@code Float.compare}, got by sorting primitive keys (salience as an int that orders like
     * {@code Float.compare}, inverted, then the index) instead of objects through a comparator.
     */
    private static List<Aspect> bySalience(List<Aspect> aspects) {
        long[] keys = new long[aspects.size()];
        for (int k = 0; k < keys.length; k++) {
            int bits = Float.floatToIntBits(aspects.get(k).salience());
            int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
            keys[k] = ((long) ~ordered << 32) | k;
        }
        java.util.Arrays.sort(keys);
        List<Aspect> sorted = new ArrayList<>(keys.length);
        for (long key : keys) {
            sorted.add(aspects.get((int) key));
        }
        return sorted;
    }

    private static float leadBonus(List<Integer> sentences) {
        return sentences.isEmpty() ? 0f : sentences.get(0) < 3 ? 0.75f : sentences.get(0) < 8 ? 0.3f : 0f;
    }

    /** Key phrases: content-word pairs said at least twice, and single content words said three times. */
    private static List<Aspect> topics(ArticleText text, SentenceVectors vectors, Map<String, Mention> named,
                                       String lowerTitle) {
        // terms are the vectors' numbered, folded content words; names' words are left out
        boolean[] namedIds = new boolean[vectors.termCount()];
        for (String key : named.keySet()) {
            for (String w : key.split(" ")) {
                int id = vectors.termId(SentenceVectors.fold(w));
                if (id >= 0) {
                    namedIds[id] = true;
                }
            }
        }
        int sentenceCount = text.sentenceCount();
        // one pass: every pair and every frequent word gets its mention at first sight (so the lists
        // are in order of first mention, the order aspects keep when tied); pairs said once are dropped after
        int adjacent = 0;
        for (int i = 0; i < sentenceCount; i++) {
            adjacent += Math.max(0, vectors.sequence(i).length - 1);
        }
        PairTable pairTable = new PairTable(adjacent);
        List<TopicMention> pairs = new ArrayList<>();
        List<TopicMention> singles = new ArrayList<>();
        TopicMention[] singleOf = new TopicMention[vectors.termCount()];
        for (int i = 0; i < sentenceCount; i++) {
            int[] seq = vectors.sequence(i);
            int firstToken = text.firstToken(i);
            for (int t = 0; t < seq.length; t++) {
                int term = seq[t];
                if (!usable(term, namedIds)) {
                    continue;
                }
                if (vectors.termFrequency(term) >= 3) {
                    TopicMention single = singleOf[term];
                    if (single == null) {
                        single = singleOf[term] = new TopicMention(text.lower(firstToken + t), null, term, -1);
                        singles.add(single);
                    }
                    single.add(i);
                }
                if (t + 1 < seq.length && usable(seq[t + 1], namedIds)) {
                    int slot = pairTable.slotOf(pairKey(term, seq[t + 1]));
                    int index = pairTable.mention[slot];
                    if (index < 0) {
                        index = pairTable.mention[slot] = pairs.size();
                        pairs.add(new TopicMention(text.lower(firstToken + t), text.lower(firstToken + t + 1), term, seq[t + 1]));
                    }
                    pairs.get(index).add(i);
                }
            }
        }
        List<Aspect> out = new ArrayList<>();
        boolean[] covered = new boolean[vectors.termCount()];
        for (TopicMention m : pairs) {
            if (m.count >= 2) {
                List<Integer> sentences = m.sentences();
                float salience = sentences.size() * 1.0f + leadBonus(sentences) + (m.isIn(lowerTitle) ? 1f : 0f);
                out.add(new Aspect(m, vectors, sentences, salience));
                covered[m.term] = true;
                covered[m.nextTerm] = true;
            }
        }
        for (TopicMention m : singles) {
            if (m.count >= 3 && !covered[m.term]) {
                List<Integer> sentences = m.sentences();
                float salience = sentences.size() * 0.8f * Math.min(1f, vectors.idfOf(m.term))
                        + (m.isIn(lowerTitle) ? 1f : 0f);
                out.add(new Aspect(m, vectors, sentences, salience));
            }
        }
        return out;
    }

    /** A content word or word pair as first written, with the sentences that use it. */
    private static final class TopicMention {
        /** The word, or the pair's first word, as first written (lower case). */
        final String first;
        /** The pair's second word, null for a single word. */
        final String second;
        final int term;
        /** The pair's second term, or -1 for a single word. */
        final int nextTerm;
        private int[] sentences = new int[4];
        private int sentenceCount;
        int count;

        TopicMention(String first, String second, int term, int nextTerm) {
            this.first = first;
            this.second = second;
            this.term = term;
            this.nextTerm = nextTerm;
        }

        void add(int sentence) {
            count++;
            if (sentenceCount == 0 || sentences[sentenceCount - 1] != sentence) {
                if (sentenceCount == sentences.length) {
                    sentences = java.util.Arrays.copyOf(sentences, sentenceCount * 2);
                }
                sentences[sentenceCount++] = sentence;
            }
        }

        /** The words as first written, a space between a pair's words. */
        String display() {
            return second == null ? first : first + " " + second;
        }

        /** {@code text.contains(display())}, without building the display. */
        boolean isIn(String text) {
            if (second == null) {
                return text.contains(first);
            }
            int length = first.length() + 1 + second.length();
            for (int at = text.indexOf(first); at >= 0 && at + length <= text.length(); at = text.indexOf(first, at + 1)) {
                int space = at + first.length();
                if (text.charAt(space) == ' ' && text.startsWith(second, space + 1)) {
                    return true;
                }
            }
            return false;
        }

        /** The sentences, as an immutable list (no boxing until read). */
        List<Integer> sentences() {
            int[] values = sentences;
            int size = sentenceCount;
            return new IntegerList(values, size);
        }
    }

    /** An immutable list over the first {@code size} values of an array nobody writes any more. */
    private static final class IntegerList extends java.util.AbstractList<Integer> implements java.util.RandomAccess {
        private final int[] values;
        private final int size;

        IntegerList(int[] values, int size) {
            this.values = values;
            this.size = size;
        }

        @Override
        public Integer get(int index) {
            java.util.Objects.checkIndex(index, size);
            return values[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Term pairs by {@link #pairKey}, each with the index of its mention: open addressing over primitive keys (no boxing per pair). */
    private static final class PairTable {
        long[] keys;
        int[] mention;
        boolean[] used;
        int size;

        /** Room for {@code expected} pairs without growing (the adjacent token pairs bound the distinct ones). */
        PairTable(int expected) {
            int capacity = Integer.highestOneBit(Math.max(64, expected * 2 + 1)) * 2;
            keys = new long[capacity];
            mention = new int[capacity];
            used = new boolean[capacity];
        }

        /** The key's slot, added with no mention (-1) when absent. */
        int slotOf(long key) {
            int mask = keys.length - 1;
            int slot = (int) mix(key) & mask;
            while (used[slot]) {
                if (keys[slot] == key) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
            if ((size + 1) * 2 > keys.length) {
                grow();
                return slotOf(key);
            }
            used[slot] = true;
            keys[slot] = key;
            mention[slot] = -1;
            size++;
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldMention = mention;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            mention = new int[keys.length];
            used = new boolean[keys.length];
            int mask = keys.length - 1;
            for (int k = 0; k < oldKeys.length; k++) {
                if (oldUsed[k]) {
                    int slot = (int) mix(oldKeys[k]) & mask;
                    while (used[slot]) {
                        slot = (slot + 1) & mask;
                    }
                    used[slot] = true;
                    keys[slot] = oldKeys[k];
                    mention[slot] = oldMention[k];
                }
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
    }

    private static boolean usable(int id, boolean[] namedIds) {
        return id >= 0 && !namedIds[id];
    }

    private static long pairKey(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final class Mention {
        final String display;
        final String lower;
        final String[] parts;
        final Set<String> keys = new HashSet<>(4);
        final List<Integer> sentences = new ArrayList<>(4);
        int count;
        int rank;
        Mention mergedInto;

        Mention(String display) {
            this.display = display;
            this.lower = display.toLowerCase(Locale.ROOT);
            this.parts = lower.split(" ");
            keys.add(lower);
        }

        void add(int sentence) {
            count++;
            if (sentences.isEmpty() || sentences.get(sentences.size() - 1) != sentence) {
                sentences.add(sentence);
            }
        }

        void absorb(Mention other) {
            other.mergedInto = this;
            keys.addAll(other.keys);
            count += other.count;
            Set<Integer> all = new java.util.TreeSet<>(sentences);
            all.addAll(other.sentences);
            sentences.clear();
            sentences.addAll(all);
        }

        boolean mentionedIn(String lowerText) {
            for (String k : keys) {
                if (lowerText.contains(k)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** "Smith" joins "Jane Smith"; "EU" joins "European Union"; the longer form names the aspect. */
    private static void mergeAliases(Map<String, Mention> named) {
        List<Mention> longer = new ArrayList<>();
        for (Mention m : named.values()) {
            if (m.parts.length > 1) {
                longer.add(m);
            }
        }
        if (longer.isEmpty()) {
            return;
        }
        longer.sort((a, b) -> Integer.compare(b.count, a.count));
        // index the longer names by first word, last word and initials; each list keeps the count order
        Map<String, List<Mention>> byFirst = new HashMap<>();
        Map<String, List<Mention>> byLast = new HashMap<>();
        Map<String, List<Mention>> byInitials = new HashMap<>();
        for (int r = 0; r < longer.size(); r++) {
            Mention t = longer.get(r);
            t.rank = r;
            byFirst.computeIfAbsent(t.parts[0], k -> new ArrayList<>(2)).add(t);
            byLast.computeIfAbsent(t.parts[t.parts.length - 1], k -> new ArrayList<>(2)).add(t);
            byInitials.computeIfAbsent(initials(t.parts), k -> new ArrayList<>(2)).add(t);
        }
        for (Map.Entry<String, Mention> e : named.entrySet()) {
            Mention m = e.getValue();
            String key = e.getKey();
            List<List<Mention>> candidates = new ArrayList<>(3);
            if (m.parts.length == 1) {
                candidates.add(byLast.get(key));
                if (!CONNECTORS.contains(key)) {
                    candidates.add(byFirst.get(key));
                }
                if (isAcronym(m.display)) {
                    candidates.add(byInitials.get(key));
                }
            } else {
                candidates.add(byLast.get(m.parts[m.parts.length - 1]));
                candidates.add(byFirst.get(m.parts[0]));
            }
            Mention best = null;
            for (List<Mention> list : candidates) {
                if (list == null) {
                    continue;
                }
                for (Mention target : list) {
                    if (target == m || target.mergedInto != null) {
                        continue;
                    }
                    boolean alias = m.parts.length == 1
                            || target.lower.length() > key.length()
                            && (target.lower.endsWith(" " + key) || target.lower.startsWith(key + " "));
                    if (alias) {
                        if (best == null || target.rank < best.rank) {
                            best = target;
                        }
                        break;
                    }
                }
            }
            if (best != null) {
                best.absorb(m);
            }
        }
    }

    private static String initials(String[] parts) {
        StringBuilder initials = new StringBuilder();
        for (String p : parts) {
            if (!CONNECTORS.contains(p) && !p.equals("the") && !p.equals("and")) {
                initials.append(p.charAt(0));
            }
        }
        return initials.toString();
    }

    /** "EU", "WHO", "NATO": two to six capitals. */
    private static boolean isAcronym(String display) {
        if (display.length() < 2 || display.length() > 6) {
            return false;
        }
        for (int i = 0; i < display.length(); i++) {
            if (!Character.isUpperCase(display.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Which sentence-initial words the article also writes in lower case: a capital on one of them
     * marks a sentence start, not a name. Only those candidates are looked for, in one pass over
     * the text, without building a set of every word.
     */
    static final class LowerCaseVocabulary {
        private final Set<String> found = new HashSet<>();

        LowerCaseVocabulary(List<String> sentences) {
            this(new ArticleText(sentences));
        }

        LowerCaseVocabulary(ArticleText text) {
            Set<String> candidates = new HashSet<>();
            for (String s : text.sentences()) {
                int end = 0;
                while (end < s.length() && !Words.isLetter(s.charAt(end))) {
                    end++;
                }
                int start = end;
                while (end < s.length() && Words.isLetter(s.charAt(end))) {
                    end++;
                }
                if (end > start && Words.isUpperCase(s.charAt(start))) {
                    String lower = s.substring(start, end).toLowerCase(Locale.ROOT);
                    if (!Words.isStopWord(lower)) {
                        candidates.add(lower);
                    }
                }
            }
            if (candidates.isEmpty()) {
                return;
            }
            // every letter of the text is in a token, and a token's letter runs are whole runs of the
            // text (a token ends at a non-letter): a candidate is found when it is a token itself, or a
            // letter run of one of the few tokens that hold a digit, apostrophe or hyphen
            for (String candidate : candidates) {
                int id = text.formId(candidate);
                if (id >= 0 && text.formOf(id).letters) {
                    found.add(candidate);
                }
            }
            for (int f = 0; f < text.formCount(); f++) {
                ArticleText.Form form = text.formOf(f);
                if (form.letters) {
                    continue;
                }
                String word = form.text;
                int i = 0;
                int n = word.length();
                while (i < n) {
                    if (!Character.isLetter(word.charAt(i))) {
                        i++;
                        continue;
                    }
                    int start = i;
                    while (i < n && Character.isLetter(word.charAt(i))) {
                        i++;
                    }
                    String run = word.substring(start, i);
                    if (candidates.contains(run)) {
                        found.add(run);
                    }
                }
            }
        }

        boolean contains(String lower) {
            return found.contains(lower);
        }
    }

    /** Runs of capitalised words in a sentence, as written, without titles, possessives or a leading "The". */
    static List<String> properNouns(String sentence, LowerCaseVocabulary lowerVocabulary) {
        return properNouns(sentence, lowerVocabulary, new char[][] {new char[sentence.length()]});
    }

    /** @param buffer holds a scratch array for the sentence's characters, replaced when too small */
    private static List<String> properNouns(String sentence, LowerCaseVocabulary lowerVocabulary, char[][] buffer) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int n = sentence.length();
        if (buffer[0].length < n) {
            buffer[0] = new char[Math.max(n, buffer[0].length * 2)];
        }
        char[] c = buffer[0]; // array reads: this loop looks at every character
        sentence.getChars(0, n, c, 0);
        int i = 0;
        boolean sentenceStart = true;
        char gap = ' ';
        while (i <= n) {
            if (run.isEmpty() && !sentenceStart && i < n) {
                // with no run open, lower-case words and punctuation change nothing: go on from the
                // last space before the next capital (which is where that capital's word starts, or
                // where the lower-case word around it does: "iPhone")
                int capital = i;
                while (capital < n && !Words.isUpperCase(c[capital])) {
                    capital++;
                }
                if (capital == n) {
                    break;
                }
                int resume = capital;
                while (resume > i && c[resume - 1] != ' ') {
                    resume--;
                }
                i = resume;
            }
            if (i < n && Words.isLetter(c[i])) {
                int start = i;
                while (i < n && (Words.isLetterOrDigit(c[i]) || c[i] == '-'
                        || (c[i] == '.' && i + 1 < n && Words.isLetter(c[i + 1]))
                        || ((c[i] == '\'' || c[i] == '’') && i + 1 < n
                        && Words.isLetter(c[i + 1])))) {
                    i++;
                }
                if (i + 1 < n && c[i] == '.' && sentence.indexOf('.', start) < i) {
                    i++; // keep the final period of a dotted abbreviation: "U.S."
                }
                if (!Words.isUpperCase(c[start]) && (run.isEmpty() || i - start > 3)) {
                    // a lower-case word that cannot be a connector inside a name: ends any run, no allocation
                    if (!run.isEmpty()) {
                        flush(run, out);
                    }
                    sentenceStart = false;
                    gap = i < n ? c[i] : ' ';
                    continue;
                }
                String word = sentence.substring(start, i);
                if (word.endsWith("'s") || word.endsWith("’s")) {
                    word = word.substring(0, word.length() - 2);
                }
                boolean capital = Words.isUpperCase(word.charAt(0));
                boolean connector = !run.isEmpty() && gap == ' ' && CONNECTORS.contains(word);
                boolean joins = gap == ' ' || gap == '-';
                if (capital && !(sentenceStart && isCommonWord(word, lowerVocabulary))) {
                    if (!joins && !run.isEmpty()) {
                        flush(run, out);
                    }
                    run.add(word);
                } else if (connector) {
                    run.add(word);
                } else {
                    flush(run, out);
                }
                sentenceStart = false;
                gap = i < n ? c[i] : ' ';
                if (gap != ' ' && gap != '-') {
                    flush(run, out);
                }
            } else {
                if (i < n && c[i] == '&' && !run.isEmpty() && i + 1 < n && c[i + 1] == ' ') {
                    run.add("&"); // "Crumb & Co.", "Procter & Gamble"
                    i += 2;
                    gap = ' ';
                    continue;
                }
                i++;
                if (!run.isEmpty() && i < n && !Words.isLetter(c[i]) && c[i] != ' '
                        && c[i] != '&') {
                    flush(run, out);
                }
            }
        }
        flush(run, out);
        return out;
    }

    private static boolean isCommonWord(String word, LowerCaseVocabulary lowerVocabulary) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Words.isStopWord(lower) || lowerVocabulary.contains(lower) || SentimentLexicon.defaultLexicon().contains(lower);
    }

    private static void flush(List<String> run, List<String> out) {
        if (run.isEmpty()) {
            return;
        }
        while (!run.isEmpty() && CONNECTORS.contains(run.get(run.size() - 1))) {
            run.remove(run.size() - 1);
        }
        int from = 0;
        while (from < run.size() && (isTitle(run.get(from)) || run.get(from).equalsIgnoreCase("the"))) {
            from++;
        }
        int size = run.size() - from;
        if (size > 0) {
            String phrase = size == 1 ? run.get(from) : String.join(" ", run.subList(from, run.size()));
            boolean dropped = false;
            if (size == 1) {
                dropped = NOT_A_NAME.contains(phrase.toLowerCase(Locale.ROOT));
            }
            if (!dropped && phrase.length() > 1) {
                out.add(phrase);
            }
        }
        run.clear();
    }

    private static boolean isTitle(String word) {
        int letters = 0;
        for (int k = 0; k < word.length(); k++) {
            letters += word.charAt(k) == '.' ? 0 : 1;
        }
        // lower case never shortens a word: one longer than every title is none
        return letters <= LONGEST_TITLE && TITLES.contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
    }

}
