package io.broadsheet.local.cli;

import io.broadsheet.local.Backend;
import io.broadsheet.local.CloudOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of every command that starts a cloud. */
final class CloudArguments {

    @Option(names = "--backend", defaultValue = "embedded", paramLabel = "embedded|localstack|floci",
            description = "Where the cloud runs: embedded (no Docker, default), localstack or floci (Docker).")
    Backend backend;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep the cloud's state in DIR between runs (default: in memory).")
    Path data;

    CloudOptions options(int apiPort) {
        return new CloudOptions(backend, data, apiPort, Path.of(""));
    }
}
