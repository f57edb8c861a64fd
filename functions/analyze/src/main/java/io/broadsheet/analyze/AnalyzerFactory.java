package io.broadsheet.analyze;

import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.encoder.Analyzers;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The analyser with its sentence encoder, built once per function instance at init (so before a
 * SnapStart snapshot). One ONNX Runtime thread: a 1 GB function has less than one vCPU.
 */
@Factory
public class AnalyzerFactory {

    @Singleton
    ArticleAnalyzer articleAnalyzer() {
        return Analyzers.load(1);
    }
}
