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
 * The Nu HTML Checker (the engine behind validator.w3.org/nu), run in-process on a rendered page.
 * Errors and fatal errors are collected; warnings are ignored, as the checker's own CLI does with
 * {@code --errors-only}.
 */
final class HtmlChecker {

    private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private HtmlChecker() {
    }

    /** The checker's error messages for a page, each with line and column; empty when the page is valid. */
    static List<String> errors(String name, String html) {
        List<String> errors = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(name + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        try {
            SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
            validator.setUpMainSchema(HTML5_SCHEMA, handler);
            validator.setUpValidatorAndParsers(handler, true, false);
            InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            source.setSystemId("file:/" + name);
            source.setEncoding("UTF-8");
            validator.checkHtmlInputSource(source);
        } catch (Exception e) {
            throw new IllegalStateException("the checker failed on " + name, e);
        }
        return errors;
    }
}
