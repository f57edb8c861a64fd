package io.broadsheet.core.render;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu), run in-process on a rendered page,
 * CSS in {@code <style>} included. Errors, fatal errors and warnings are all collected (our pages
 * have none of either). The schema is loaded once (it takes seconds) and the checker reused, one
 * page at a time.
 */
final class HtmlChecker {

    private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-all.rnc";
    private static final Collector COLLECTOR = new Collector();
    private static SimpleDocumentValidator validator;

    private HtmlChecker() {
    }

    /** The checker's messages (errors and warnings) for a page, each with line and column; empty when the page is clean. */
    static synchronized List<String> errors(String name, String html) {
        try {
            if (validator == null) {
                SimpleDocumentValidator v = new SimpleDocumentValidator(true, false, false);
                v.setUpMainSchema(HTML5_SCHEMA, COLLECTOR);
                v.setUpValidatorAndParsers(COLLECTOR, true, false);
                validator = v;
            }
            COLLECTOR.start(name);
            InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            source.setSystemId("file:/" + name);
            source.setEncoding("UTF-8");
            validator.checkHtmlInputSource(source);
            return List.copyOf(COLLECTOR.errors);
        } catch (Exception e) {
            throw new IllegalStateException("the checker failed on " + name, e);
        }
    }

    private static final class Collector implements ErrorHandler {

        private final List<String> errors = new ArrayList<>();
        private String name;

        void start(String documentName) {
            name = documentName;
            errors.clear();
        }

        @Override
        public void warning(SAXParseException e) {
            errors.add(name + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": warning: " + e.getMessage());
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(name + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
