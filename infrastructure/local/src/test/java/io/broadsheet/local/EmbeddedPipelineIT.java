package io.broadsheet.local;

import io.broadsheet.local.embedded.EmbeddedCloud;

/** The end-to-end scenario on the embedded backend: s3proxy, dynalite, functions in-process, no Docker. */
class EmbeddedPipelineIT extends PipelineScenario {

    @Override
    protected LocalCloud startCloud() {
        return EmbeddedCloud.start(CloudOptions.embedded());
    }
}
