package io.broadsheet.bench.coldstart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Starts a function the way Lambda does: a fresh JVM, working directory = task root, the real runtime
 * interface client as main class, Lambda's JIT flags and environment, optionally pinned to one core.
 * One launch = one cold start, measured from spawn to the first poll (init) and from the event's
 * delivery to its response (first invoke).
 */
public final class LambdaLauncher {

    public static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /**
     * What Lambda's managed Java runtime passes to {@code java} (its command line as observed inside
     * the runtime): the C1 compiler only, the serial collector, a heap of about 85 % of a 1,024 MB
     * function, IPv4, and the name of the runtime client's CRaC implementation, which is how
     * {@code org.crac} hooks reach the client. Not copied: its CDS archive of the runtime
     * ({@code -XX:SharedArchiveFile=/var/lang/lib/server/runtime.jsa}; the JDK's default archive is used
     * instead) and its Log4j hot-patch agent.
     */
    public static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:MaxHeapSize=891289k", "-Djava.net.preferIPv4Stack=true",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path java;
    private final List<Path> runtimeJars;
    private final boolean pinToOneCore;
    private final Duration timeout;

    /**
     * @param java          the {@code java} executable (the same JDK as the harness by default)
     * @param runtimeJars   the runtime interface client and its dependencies: Lambda's {@code /var/runtime/lib}
     * @param pinToOneCore  {@code taskset -c 0}: a 1,024 MB Lambda has less than one vCPU
     */
    public LambdaLauncher(Path java, List<Path> runtimeJars, boolean pinToOneCore, Duration timeout) {
        this.java = java;
        this.runtimeJars = List.copyOf(runtimeJars);
        this.pinToOneCore = pinToOneCore;
        this.timeout = timeout;
    }

    /** The jars of a directory such as {@code bench/target/lambda-runtime}. */
    public static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IOException("no runtime jars in " + dir);
            }
            return jars;
        }
    }

    /** The JDK running this program. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Whether {@code taskset} exists here (util-linux; absent on macOS). */
    public static boolean tasksetAvailable() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "taskset")));
    }

    /**
     * One cold start: spawns the function, waits for its first poll, gives it {@code event} and waits
     * for the answer, then kills the process.
     *
     * @param functionEnv the function's own configuration (added to Lambda's reserved variables)
     * @param log         where the function's stdout and stderr go
     */
    public ColdStart launch(TaskRoot task, String handler, Map<String, String> functionEnv, String event, Path log)
            throws IOException, InterruptedException {
        try (RuntimeApiEmulator api = RuntimeApiEmulator.start()) {
            var answer = api.enqueue(event);
            ProcessBuilder builder = new ProcessBuilder(command(handler))
                    .directory(task.dir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment(task, handler, api.address(), functionEnv));
            long spawned = System.nanoTime();
            Process process = builder.start();
            process.onExit().thenRun(() -> api.abandon("the function's JVM exited with " + process.exitValue()
                    + " (see " + log + ")"));
            try {
                long initDone = api.awaitFirstPoll(timeout);
                RuntimeApiEmulator.Invocation invocation = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                // The JVM is idle again (polling for the next event): its CPU time so far is the cold start's.
                double cpuMillis = process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
                return new ColdStart((initDone - spawned) / 1e6, invocation.millis(),
                        api.restorePolledAt() == 0 ? Double.NaN : (api.restorePolledAt() - spawned) / 1e6,
                        (invocation.answeredAt() - spawned) / 1e6, cpuMillis, invocation.error(), invocation.body());
            } catch (TimeoutException e) {
                throw new IOException("no answer within " + timeout + " (see " + log + ")", e);
            } catch (ExecutionException e) {
                throw new IOException("the function failed: " + e.getCause().getMessage(), e.getCause());
            } finally {
                stop(process);
            }
        }
    }

    /**
     * SIGTERM first, as Lambda does when it shuts an environment down, so that exit-time work runs
     * (a JFR recording or a CDS archive asked for in {@code JAVA_TOOL_OPTIONS} is written then);
     * SIGKILL if the JVM is still there after a grace period.
     */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    List<String> command(String handler) {
        List<String> command = new ArrayList<>();
        if (pinToOneCore) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.add(java.toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, runtimeJars.stream().map(Path::toString).toList()));
        command.add(RIC_MAIN);
        command.add(handler);
        return command;
    }

    /** Lambda's reserved variables for a 1,024 MB java21 function, then the function's own. */
    static Map<String, String> environment(TaskRoot task, String handler, String runtimeApi, Map<String, String> functionEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("_HANDLER", handler);
        env.put("LAMBDA_TASK_ROOT", task.dir().toString());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "bench");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.putAll(functionEnv);
        return env;
    }

    /**
     * One measured cold start.
     *
     * @param initMillis      spawn to the first poll for an event
     * @param firstMillis     event delivered to response received
     * @param restoreMillis   spawn to the SnapStart restore poll, NaN when the client did not make one
     * @param responseMillis  spawn to the response of the first event
     * @param cpuMillis       CPU time (user + system, all threads) of the function's JVM from spawn to that
     *                        response: less sensitive than wall time to other work on the machine
     * @param error           whether the function answered with an error
     * @param response        the response (or error) document
     */
    public record ColdStart(double initMillis, double firstMillis, double restoreMillis, double responseMillis,
                            double cpuMillis, boolean error, String response) {

        public double totalMillis() {
            return initMillis + firstMillis;
        }

        /**
         * SnapStart: what is left after the restore poll, up to the first response ({@code afterRestore}
         * hooks, the last poll, the first invoke). On AWS the restore itself comes before it; NaN when
         * there was no restore poll.
         */
        public double afterRestoreMillis() {
            return responseMillis - restoreMillis;
        }
    }
}
