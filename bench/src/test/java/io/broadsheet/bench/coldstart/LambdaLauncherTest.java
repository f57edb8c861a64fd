package io.broadsheet.bench.coldstart;

import io.broadsheet.bench.coldstart.baseline.BareHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functional, not a timing check: the real runtime interface client, in a fresh JVM, finds a handler
 * in a task root, polls our emulator and posts the handler's answer back. The client's native part
 * exists for Linux only, as Lambda itself.
 */
@EnabledOnOs(OS.LINUX)
class LambdaLauncherTest {

    @Test
    void launch_runsBareHandlerThroughTheRuntimeClient_andReturnsItsResponse(@TempDir Path logs) throws Exception {
        Path runtimeJars = Path.of(System.getProperty("broadsheet.bench.lambda-runtime", "target/lambda-runtime"));
        var launcher = new LambdaLauncher(LambdaLauncher.currentJava(), LambdaLauncher.jarsIn(runtimeJars),
                false, Duration.ofSeconds(60));

        LambdaLauncher.ColdStart start;
        try (TaskRoot task = TaskRoot.ofClasses(BareHandler.class)) {
            start = launcher.launch(task, BareHandler.class.getName(), Map.of(), "{\"round\":1}", logs.resolve("bare.log"));
        }

        assertThat(start.error()).isFalse();
        assertThat(start.response()).isEqualTo("\"ok\"");
        assertThat(start.initMillis()).isPositive();
        assertThat(start.firstMillis()).isPositive();
    }
}
