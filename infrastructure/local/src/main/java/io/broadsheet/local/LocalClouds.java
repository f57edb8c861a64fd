package io.broadsheet.local;

import io.broadsheet.local.container.ContainerCloud;
import io.broadsheet.local.embedded.EmbeddedCloud;

/** Starts the cloud a backend names. */
public final class LocalClouds {

    private LocalClouds() {
    }

    public static LocalCloud start(CloudOptions options) {
        return switch (options.backend()) {
            case EMBEDDED -> EmbeddedCloud.start(options);
            case LOCALSTACK, FLOCI -> ContainerCloud.start(options);
        };
    }
}
