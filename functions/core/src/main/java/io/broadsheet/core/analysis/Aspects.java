package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    private static final char[][] CONNECTOR_CHARS = CONNECTORS.stream().map(String::toCharArray).toArray(char[][]::new);

    private static final LowerCaseWords TITLES_LOWER = new LowerCaseWords(TITLES);

    /** Alone, not a name: a month or weekday, or a stop word (one lookup for both). */
    private static final LowerCaseWords NOT_A_NAME_LOWER = new LowerCaseWords(notAName());

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
        NamedMentions named = new NamedMentions(text.formCount());
        NounScan scan = new NounScan(text);
        for (int i = 0; i < sentences.size(); i++) {
            named.sentence = i;
            // the tokens are the sentence's when it is the text's own
            scan.sentence = i < text.sentenceCount() && sentences.get(i) == text.sentence(i) ? i : -1;
            properNouns(sentences.get(i), lowerVocabulary, scan, named);
        }
        mergeAliases(named.mentions);
        String lowerTitle = title == null ? "" : title.toLowerCase(Locale.ROOT);
        List<Aspect> out = new ArrayList<>();
        for (Mention m : named.mentions) {
            if (m.mergedInto != null) {
                continue;
            }
            float salience = m.sentences.size() * 1.2f + leadBonus(m.sentences) + (m.mentionedIn(lowerTitle) ? 1f : 0f);
            out.add(new Aspect(m.display, m.keys, List.copyOf(m.sentences), salience));
        }
        out.addAll(topics(text, vectors, named.mentions, lowerTitle));
        return bySalience(out);
    }

    /**
     * The named mentions by lower-case phrase, in order of first mention. A phrase is looked up by
     * the scan's characters: strings are made only for a name not met before.
     */
    private static final class NamedMentions implements java.util.function.Consumer<NounScan> {
        final List<Mention> mentions = new ArrayList<>();
        /** Open addressing over the mentions by {@code lower.hashCode()}: slot holds index + 1, 0 when empty. */
        private int[] slots = new int[64];
        private int[] hashes = new int[32];
        /** A one-word name's mention by the word's form ({@link NounScan#wordForm}), once found. */
        private final Mention[] ofForm;
        /** The sentence being scanned. */
        int sentence;

        NamedMentions(int forms) {
            ofForm = new Mention[forms];
        }

        @Override
        public void accept(NounScan scan) {
            int form = scan.size - scan.from == 1 ? scan.form[scan.from] : -1;
            if (form >= 0 && ofForm[form] != null) {
                ofForm[form].add(sentence);
                return;
            }
            Mention m;
            if (scan.lowerAscii()) {
                m = find(scan.lower, scan.lowerLength, scan.lowerHash);
                if (m == null) {
                    m = add(new Mention(scan.display(), new String(scan.lower, 0, scan.lowerLength)), scan.lowerHash);
                }
            } else {
                String display = scan.display();
                String lower = display.toLowerCase(Locale.ROOT);
                m = find(lower.toCharArray(), lower.length(), lower.hashCode());
                if (m == null) {
                    m = add(new Mention(display, lower), lower.hashCode());
                }
            }
            if (form >= 0) {
                ofForm[form] = m;
            }
            m.add(sentence);
        }

        private Mention find(char[] lower, int length, int hash) {
            int mask = slots.length - 1;
            for (int slot = ArticleText.mix(hash) & mask, entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
                Mention m = mentions.get(entry - 1);
                if (hashes[entry - 1] == hash && m.lower.length() == length && spells(m.lower, lower)) {
                    return m;
                }
            }
            return null;
        }

        private static boolean spells(String word, char[] c) {
            for (int k = 0; k < word.length(); k++) {
                if (word.charAt(k) != c[k]) {
                    return false;
                }
            }
            return true;
        }

        private Mention add(Mention m, int hash) {
            int id = mentions.size();
            mentions.add(m);
            if (id == hashes.length) {
                hashes = java.util.Arrays.copyOf(hashes, id * 2);
            }
            hashes[id] = hash;
            if (mentions.size() * 2 > slots.length) {
                slots = new int[slots.length * 2];
                for (int k = 0; k < id; k++) {
                    place(k);
                }
            }
            place(id);
            return m;
        }

        private void place(int id) {
            int mask = slots.length - 1;
            int slot = ArticleText.mix(hashes[id]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
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
    private static List<Aspect> topics(ArticleText text, SentenceVectors vectors, List<Mention> named,
                                       String lowerTitle) {
        // terms are the vectors' numbered, folded content words; names' words are left out
        boolean[] namedIds = new boolean[vectors.termCount()];
        for (Mention m : named) {
            for (String w : m.parts) {
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
        PairTable pairs = new PairTable(adjacent);
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
                    pairs.add(term, seq[t + 1], firstToken + t, i);
                }
            }
        }
        List<Aspect> out = new ArrayList<>();
        boolean[] covered = new boolean[vectors.termCount()];
        for (int p = 0; p < pairs.size; p++) {
            if (pairs.count[p] >= 2) {
                TopicMention m = pairs.mention(p, text);
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

    /**
     * The article's term pairs, numbered in order of first sight, each with its count and sentences:
     * open addressing over primitive keys, and arrays per pair rather than an object, since most
     * pairs are said once and dropped.
     */
    private static final class PairTable {
        /** Slot holds the pair's number + 1, 0 when empty. */
        private int[] slots;
        private long[] keys;
        /** Per pair: its first token, how often it is said, and its sentences as a list through {@link #next}. */
        private int[] firstToken;
        int[] count;
        private int[] head;
        private int[] tail;
        /** Per entry of the sentence lists: the sentence, and the pair's next entry (-1 at the end). */
        private final int[] sentence;
        private final int[] next;
        private int entries;
        int size;

        /** Room for {@code expected} pair occurrences (the adjacent token pairs) without growing. */
        PairTable(int expected) {
            slots = new int[Integer.highestOneBit(Math.max(64, expected * 2 + 1)) * 2];
            int pairs = Math.max(16, expected);
            keys = new long[pairs];
            firstToken = new int[pairs];
            count = new int[pairs];
            head = new int[pairs];
            tail = new int[pairs];
            sentence = new int[pairs];
            next = new int[pairs];
        }

        /** Counts the pair said at the token in the sentence (sentences come in order). */
        void add(int term, int nextTerm, int token, int at) {
            long key = pairKey(term, nextTerm);
            int mask = slots.length - 1;
            int slot = (int) mix(key) & mask;
            int pair;
            for (int entry; ; slot = (slot + 1) & mask) {
                entry = slots[slot];
                if (entry == 0) {
                    pair = size++;
                    slots[slot] = pair + 1;
                    keys[pair] = key;
                    firstToken[pair] = token;
                    head[pair] = -1;
                    break;
                }
                if (keys[entry - 1] == key) {
                    pair = entry - 1;
                    break;
                }
            }
            count[pair]++;
            if (head[pair] < 0 || sentence[tail[pair]] != at) {
                sentence[entries] = at;
                next[entries] = -1;
                if (head[pair] < 0) {
                    head[pair] = entries;
                } else {
                    next[tail[pair]] = entries;
                }
                tail[pair] = entries++;
            }
        }

        /** The pair's mention, named by its words as first written. */
        TopicMention mention(int pair, ArticleText text) {
            long key = keys[pair];
            TopicMention m = new TopicMention(text.lower(firstToken[pair]), text.lower(firstToken[pair] + 1),
                    (int) (key >>> 32), (int) key);
            for (int e = head[pair]; e >= 0; e = next[e]) {
                m.add(sentence[e]);
            }
            m.count = count[pair];
            return m;
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

        /** @param lower the display in lower case ({@code Locale.ROOT}) */
        Mention(String display, String lower) {
            this.display = display;
            this.lower = lower;
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
    private static void mergeAliases(List<Mention> named) {
        List<Mention> longer = new ArrayList<>();
        for (Mention m : named) {
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
        for (Mention m : named) {
            String key = m.lower;
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
            // a sentence's first letter run is mostly its first token, all letters: then its lower
            // case is the token's form's, judged once per form however many sentences start with it
            boolean[] judged = new boolean[text.formCount()];
            for (int sentence = 0; sentence < text.sentenceCount(); sentence++) {
                String s = text.sentence(sentence);
                int start = 0;
                while (start < s.length() && !Words.isLetter(s.charAt(start))) {
                    start++;
                }
                if (start == s.length() || !Words.isUpperCase(s.charAt(start))) {
                    continue;
                }
                int token = text.firstToken(sentence);
                if (token < text.endToken(sentence) && text.start(token) == start && text.formOf(text.form(token)).letters) {
                    int form = text.form(token);
                    if (!judged[form]) {
                        judged[form] = true;
                        String lower = text.formOf(form).lower;
                        if (!Words.isStopWord(lower)) {
                            candidates.add(lower);
                        }
                    }
                    continue;
                }
                int end = start;
                while (end < s.length() && Words.isLetter(s.charAt(end))) {
                    end++;
                }
                String lower = s.substring(start, end).toLowerCase(Locale.ROOT);
                if (!Words.isStopWord(lower)) {
                    candidates.add(lower);
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
        List<String> out = new ArrayList<>();
        properNouns(sentence, lowerVocabulary, new NounScan(null), scan -> out.add(scan.display()));
        return out;
    }

    /**
     * The scan's state for one article: the sentence's characters and the open run as character
     * ranges of them, so that a word costs no string unless it starts a sentence and a name already
     * met costs none at all.
     */
    private static final class NounScan {
        /** The article's tokens, or null; and which sentence of it is scanned, or -1 when not one of its own. */
        final ArticleText text;
        int sentence = -1;
        /**
         * Per form of the text, what is known of it as a word: a common word at a sentence's start, a
         * title, not a name alone; each 1 (yes), 2 (no) or 0 (not yet known).
         */
        private final byte[] commonForm;
        private final byte[] titleForm;
        private final byte[] notANameForm;
        char[] chars = new char[256];
        /** In the text's own sentence: the first token that may end after the scan's position. */
        int token;
        /** In the text's own sentence: the first token that may start at the next word or after it. */
        private int wordToken;
        /** The run's words: chars[start[k], end[k]), and form[k], the word's {@link #wordForm} (-1 for none). */
        int[] start = new int[16];
        int[] end = new int[16];
        int[] form = new int[16];
        int size;
        /** After {@link #flush}: the phrase is the words from..size-1. */
        int from;
        /** The phrase in lower case (ASCII only), and its {@link String#hashCode}. */
        char[] lower = new char[64];
        int lowerLength;
        int lowerHash;

        NounScan(ArticleText text) {
            this.text = text;
            int forms = text == null ? 0 : text.formCount();
            this.commonForm = new byte[forms];
            this.titleForm = new byte[forms];
            this.notANameForm = new byte[forms];
        }

        /** Starts on a sentence: {@link #sentence} set, nothing open. */
        void startSentence() {
            size = 0;
            token = sentence < 0 ? 0 : text.firstToken(sentence);
            wordToken = token;
        }

        /**
         * The form of the word chars[start, end) when it is a whole token of the text's own sentence,
         * all letters (its lower case is then the form's, and what is known of the form holds for
         * it), else -1. Words are asked for in order.
         */
        int wordForm(int start, int end) {
            if (sentence < 0) {
                return -1;
            }
            int last = text.endToken(sentence);
            while (wordToken < last && text.start(wordToken) < start) {
                wordToken++;
            }
            if (wordToken < last && text.start(wordToken) == start && text.end(wordToken) == end) {
                int id = text.form(wordToken);
                if (text.formOf(id).letters) {
                    return id;
                }
            }
            return -1;
        }

        /** {@link Aspects#isTitle} of the run's k-th word, once per form. */
        boolean isTitle(int k) {
            int id = form[k];
            if (id < 0) {
                return Aspects.isTitle(chars, start[k], end[k]);
            }
            if (titleForm[id] == 0) {
                titleForm[id] = Aspects.isTitle(chars, start[k], end[k]) ? (byte) 1 : (byte) 2;
            }
            return titleForm[id] == 1;
        }

        /** Whether the run's k-th word alone is not a name (a stop word, a month or weekday), once per form. */
        boolean isNotAName(int k) {
            int id = form[k];
            if (id < 0) {
                return NOT_A_NAME_LOWER.contains(chars, start[k], end[k], false);
            }
            if (notANameForm[id] == 0) {
                notANameForm[id] = NOT_A_NAME_LOWER.contains(chars, start[k], end[k], false) ? (byte) 1 : (byte) 2;
            }
            return notANameForm[id] == 1;
        }

        /** {@link Aspects#isCommonWord} of the word chars[start, end) of form id (or -1), once per form. */
        boolean isCommonWord(int start, int end, int id, LowerCaseVocabulary lowerVocabulary) {
            if (id < 0) {
                return Aspects.isCommonWord(new String(chars, start, end - start).toLowerCase(Locale.ROOT), lowerVocabulary);
            }
            if (commonForm[id] == 0) {
                commonForm[id] = Aspects.isCommonWord(text.formOf(id).lower, lowerVocabulary) ? (byte) 1 : (byte) 2;
            }
            return commonForm[id] == 1;
        }

        /**
         * The first upper-case character at {@code from} or after it, or {@code n}. In the text's own
         * sentence it looks inside a token only when its form's lower case is not the form itself
         * (else the token has no capital), and at the few characters between tokens.
         */
        int nextCapital(int from, int n) {
            char[] c = chars;
            int k = from;
            if (sentence >= 0) {
                for (int end = text.endToken(sentence); token < end; token++) {
                    int tokenEnd = text.end(token);
                    if (tokenEnd <= k) {
                        continue;
                    }
                    for (int tokenStart = text.start(token); k < tokenStart; k++) {
                        if (Words.isUpperCase(c[k])) {
                            return k;
                        }
                    }
                    ArticleText.Form form = text.formOf(text.form(token));
                    if (form.lower != form.text) {
                        for (; k < tokenEnd; k++) {
                            if (Words.isUpperCase(c[k])) {
                                return k;
                            }
                        }
                    }
                    k = tokenEnd;
                }
            }
            while (k < n && !Words.isUpperCase(c[k])) {
                k++;
            }
            return k;
        }

        void add(int wordStart, int wordEnd, int wordForm) {
            if (size == start.length) {
                start = java.util.Arrays.copyOf(start, size * 2);
                end = java.util.Arrays.copyOf(end, size * 2);
                form = java.util.Arrays.copyOf(form, size * 2);
            }
            start[size] = wordStart;
            end[size] = wordEnd;
            form[size] = wordForm;
            size++;
        }

        /** The phrase as written, its words joined by single spaces. */
        String display() {
            if (size - from == 1) {
                return new String(chars, start[from], end[from] - start[from]);
            }
            StringBuilder phrase = new StringBuilder(displayLength());
            for (int k = from; k < size; k++) {
                if (k > from) {
                    phrase.append(' ');
                }
                phrase.append(chars, start[k], end[k] - start[k]);
            }
            return phrase.toString();
        }

        int displayLength() {
            int length = size - from - 1;
            for (int k = from; k < size; k++) {
                length += end[k] - start[k];
            }
            return length;
        }

        /**
         * Puts the phrase in lower case into {@link #lower} with its hash: false (nothing written
         * that counts) when a character is not ASCII, whose lower case only {@link String#toLowerCase} knows.
         */
        boolean lowerAscii() {
            int length = displayLength();
            if (lower.length < length) {
                lower = new char[Math.max(length, lower.length * 2)];
            }
            int hash = 0;
            int at = 0;
            for (int k = from; k < size; k++) {
                if (k > from) {
                    lower[at++] = ' ';
                    hash = 31 * hash + ' ';
                }
                for (int p = start[k]; p < end[k]; p++) {
                    char ch = chars[p];
                    if (ch >= 128) {
                        return false;
                    }
                    ch = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
                    lower[at++] = ch;
                    hash = 31 * hash + ch;
                }
            }
            lowerLength = at;
            lowerHash = hash;
            return true;
        }
    }

    /** @param phrases given the scan at each phrase found ({@link NounScan#from} set) */
    private static void properNouns(String sentence, LowerCaseVocabulary lowerVocabulary, NounScan scan,
                                    java.util.function.Consumer<NounScan> phrases) {
        int n = sentence.length();
        if (scan.chars.length < n) {
            scan.chars = new char[Math.max(n, scan.chars.length * 2)];
        }
        char[] c = scan.chars; // array reads: this loop looks at every character
        sentence.getChars(0, n, c, 0);
        scan.startSentence();
        int i = 0;
        boolean sentenceStart = true;
        char gap = ' ';
        while (i <= n) {
            if (scan.size == 0 && !sentenceStart && i < n) {
                // with no run open, lower-case words and punctuation change nothing: go on from the
                // last space before the next capital (which is where that capital's word starts, or
                // where the lower-case word around it does: "iPhone")
                int capital = scan.nextCapital(i, n);
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
                if (!Words.isUpperCase(c[start]) && (scan.size == 0 || i - start > 3)) {
                    // a lower-case word that cannot be a connector inside a name: ends any run, no allocation
                    if (scan.size > 0) {
                        flush(scan, phrases);
                    }
                    sentenceStart = false;
                    gap = i < n ? c[i] : ' ';
                    continue;
                }
                int end = i;
                if (end - start >= 2 && c[end - 1] == 's' && (c[end - 2] == '\'' || c[end - 2] == '’')) {
                    end -= 2; // the possessive's "'s"
                }
                int form = scan.wordForm(start, end);
                boolean capital = Words.isUpperCase(c[start]);
                boolean connector = scan.size > 0 && gap == ' ' && isConnector(c, start, end);
                boolean joins = gap == ' ' || gap == '-';
                if (capital && !(sentenceStart && scan.isCommonWord(start, end, form, lowerVocabulary))) {
                    if (!joins && scan.size > 0) {
                        flush(scan, phrases);
                    }
                    scan.add(start, end, form);
                } else if (connector) {
                    scan.add(start, end, form);
                } else {
                    flush(scan, phrases);
                }
                sentenceStart = false;
                gap = i < n ? c[i] : ' ';
                if (gap != ' ' && gap != '-') {
                    flush(scan, phrases);
                }
            } else {
                if (i < n && c[i] == '&' && scan.size > 0 && i + 1 < n && c[i + 1] == ' ') {
                    scan.add(i, i + 1, -1); // "Crumb & Co.", "Procter & Gamble"
                    i += 2;
                    gap = ' ';
                    continue;
                }
                i++;
                if (scan.size > 0 && i < n && !Words.isLetter(c[i]) && c[i] != ' '
                        && c[i] != '&') {
                    flush(scan, phrases);
                }
            }
        }
        flush(scan, phrases);
    }

    /** Whether a word, in lower case, is one to take for a sentence start rather than a name when capitalised there. */
    private static boolean isCommonWord(String lower, LowerCaseVocabulary lowerVocabulary) {
        return Words.isStopWord(lower) || lowerVocabulary.contains(lower) || ToneWords.contains(lower);
    }

    /** Ends the run: connectors dropped from its end, titles and "the" from its start, the rest given as a phrase. */
    private static void flush(NounScan scan, java.util.function.Consumer<NounScan> phrases) {
        if (scan.size == 0) {
            return;
        }
        char[] c = scan.chars;
        while (scan.size > 0 && isConnector(c, scan.start[scan.size - 1], scan.end[scan.size - 1])) {
            scan.size--;
        }
        int from = 0;
        while (from < scan.size && (scan.isTitle(from) || isThe(c, scan.start[from], scan.end[from]))) {
            from++;
        }
        int size = scan.size - from;
        if (size > 0) {
            scan.from = from;
            boolean dropped = size == 1 && scan.isNotAName(from);
            if (!dropped && scan.displayLength() > 1) {
                phrases.accept(scan);
            }
        }
        scan.size = 0;
    }

    /** {@code CONNECTORS.contains} of the word c[from, to), without a string. */
    private static boolean isConnector(char[] c, int from, int to) {
        int length = to - from;
        if (length > 3) {
            return false;
        }
        for (char[] connector : CONNECTOR_CHARS) {
            if (connector.length == length && java.util.Arrays.equals(connector, 0, length, c, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** {@code "the".equalsIgnoreCase} of the word c[from, to). */
    private static boolean isThe(char[] c, int from, int to) {
        if (to - from != 3) {
            return false;
        }
        char t = c[from];
        char h = c[from + 1];
        char e = c[from + 2];
        if (t < 128 && h < 128 && e < 128) {
            return (t | 0x20) == 't' && (h | 0x20) == 'h' && (e | 0x20) == 'e';
        }
        return new String(c, from, 3).equalsIgnoreCase("the");
    }

    private static boolean isTitle(char[] c, int from, int to) {
        int letters = 0;
        for (int k = from; k < to; k++) {
            letters += c[k] == '.' ? 0 : 1;
        }
        // lower case never shortens a word: one longer than every title is none
        return letters <= LONGEST_TITLE && TITLES_LOWER.contains(c, from, to, true);
    }

    /**
     * A set of lower-case words asked about words as written, in place: {@code set.contains(word.toLowerCase(Locale.ROOT))}
     * (with the periods dropped when asked) without building either string, for ASCII words; others go through the strings.
     */
    private static final class LowerCaseWords {
        private final Set<String> words;
        private final char[][] table;

        LowerCaseWords(Set<String> words) {
            this.words = words;
            table = new char[Integer.highestOneBit(words.size() * 4)][];
            for (String word : words) {
                int slot = ArticleText.mix(word.hashCode()) & (table.length - 1);
                while (table[slot] != null) {
                    slot = (slot + 1) & (table.length - 1);
                }
                table[slot] = word.toCharArray();
            }
        }

        boolean contains(char[] c, int from, int to, boolean withoutPeriods) {
            int length = 0;
            int hash = 0;
            for (int k = from; k < to; k++) {
                char ch = c[k];
                if (ch >= 128) {
                    String word = new String(c, from, to - from).toLowerCase(Locale.ROOT);
                    return words.contains(withoutPeriods ? word.replace(".", "") : word);
                }
                if (ch != '.' || !withoutPeriods) {
                    hash = 31 * hash + (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
                    length++;
                }
            }
            int mask = table.length - 1;
            for (int slot = ArticleText.mix(hash) & mask; table[slot] != null; slot = (slot + 1) & mask) {
                if (table[slot].length == length && spellsLower(table[slot], c, from, to, withoutPeriods)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean spellsLower(char[] word, char[] c, int from, int to, boolean withoutPeriods) {
            int at = 0;
            for (int k = from; k < to; k++) {
                char ch = c[k];
                if (ch == '.' && withoutPeriods) {
                    continue;
                }
                if (word[at++] != (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch)) {
                    return false;
                }
            }
            return true;
        }
    }

}
