package io.broadsheet.local;

import java.nio.file.Path;

/**
 * How to start a local cloud.
 *
 * @param backend  where it runs
 * @param dataDir  where state survives between runs, or {@code null} for in-memory
 * @param apiPort  port of the API and site server (0 = any free port)
 * @param workDir  where to look for {@code infrastructure/template.yaml} and the function jars
 */
public record CloudOptions(Backend backend, Path dataDir, int apiPort, Path workDir) {

    public static CloudOptions embedded() {
        return new CloudOptions(Backend.EMBEDDED, null, 0, Path.of(""));
    }

    public CloudOptions withBackend(Backend b) {
        return new CloudOptions(b, dataDir, apiPort, workDir);
    }

    public CloudOptions withDataDir(Path dir) {
        return new CloudOptions(backend, dir, apiPort, workDir);
    }
}
