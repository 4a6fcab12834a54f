package io.omnisync.benchmarks;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The load tests' {@code serve}: Omnisync's command line as a child JVM on this module's test classpath. */
final class ServeOnTestClasspath {

    private ServeOnTestClasspath() {}

    /** {@code java -cp <the test classpath> io.omnisync.adapters.cli.Main}; the drivers add {@code serve ...}. */
    static List<String> command() {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath(),
                "io.omnisync.adapters.cli.Main");
    }

    /** The test classpath without slf4j-simple: serve logs through logback, as its jar does. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
