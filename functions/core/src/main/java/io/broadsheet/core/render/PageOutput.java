package io.broadsheet.core.render;

import gg.jte.TemplateOutput;

/**
 * Template output into one buffer of a known size that starts out holding UTF-16: a page always
 * carries characters beyond Latin-1 (typographic quotes in the sentiment bullets), and a builder
 * that starts as Latin-1 copies everything written so far into a new, twice as large array the
 * moment the first of them arrives.
 */
final class PageOutput implements TemplateOutput {

    private final StringBuilder page;

    PageOutput(int capacity) {
        page = new StringBuilder("\u2026"); // a UTF-16 builder (it stays one once emptied)
        page.setLength(0);
        page.ensureCapacity(capacity);
    }

    @Override
    public void writeContent(String value) {
        page.append(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        page.append(value, beginIndex, endIndex);
    }

    @Override
    public void writeUserContent(int value) {
        page.append(value);
    }

    @Override
    public void writeUserContent(long value) {
        page.append(value);
    }

    @Override
    public String toString() {
        return page.toString();
    }
}
