package io.omnisync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One table from a JMH JSON result file (and the footprint line, when given): throughput with its
 * error, latency percentiles, and every figure against the baseline measured in the same run.
 */
public final class Summary {

    private Summary() {}

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
        double baseline = Double.NaN;
        for (JsonNode result : results) {
            if (result.path("benchmark").asText().endsWith("minimalBaseline")) {
                baseline = result.path("primaryMetric").path("score").asDouble();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-44s %-10s %16s %12s %10s %10s %10s%n",
                "benchmark",
                "agents",
                "ops/s",
                "vs baseline",
                "p50 us",
                "p99 us",
                "p99.9 us");
        for (JsonNode result : results) {
            String name = result.path("benchmark").asText().replace("io.omnisync.benchmarks.", "")
                    + (result.path("params").has("store")
                            ? " " + result.path("params").path("store").asText() + " "
                                    + result.path("params").path("commit").asText()
                            : "");
            String agents = result.path("params").path("agents").asText("-");
            JsonNode metric = result.path("primaryMetric");
            String mode = result.path("mode").asText();
            if (mode.equals("thrpt")) {
                double score = metric.path("score").asDouble();
                String unit = metric.path("scoreUnit").asText();
                double perSecond = unit.startsWith("ops/us")
                        ? score * 1_000_000
                        : unit.startsWith("ops/ms") ? score * 1_000 : score;
                String ratio = name.startsWith("DecisionBenchmark") && !Double.isNaN(baseline)
                        ? String.format(Locale.ROOT, "%.2fx", score / baseline)
                        : "";
                System.out.printf(
                        Locale.ROOT,
                        "%-44s %-10s %16.0f %12s %10s %10s %10s%n",
                        name,
                        agents,
                        perSecond,
                        ratio,
                        "",
                        "",
                        "");
            } else if (mode.equals("sample")) {
                JsonNode percentiles = metric.path("scorePercentiles");
                double toMicros = metric.path("scoreUnit").asText().startsWith("ms/") ? 1_000 : 1;
                System.out.printf(
                        Locale.ROOT,
                        "%-44s %-10s %16s %12s %10.1f %10.1f %10.1f%n",
                        name + " (latency)",
                        agents,
                        "",
                        "",
                        percentiles.path("50.0").asDouble() * toMicros,
                        percentiles.path("99.0").asDouble() * toMicros,
                        percentiles.path("99.9").asDouble() * toMicros);
            }
        }
        for (int i = 1; i < args.length; i++) {
            System.out.println(args[i]);
        }
    }
}
