package io.omnisync.benchmarks;

import io.omnisync.adapters.configjson.ConfigurationLoader;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.configjson.LoadedConfiguration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.vavr.collection.List;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The memory it takes to validate a big configuration file, as {@code ./omnisync validate} does
 * (read, line index, draft, validation, the configuration and its warnings). Run it in a child
 * JVM with a low {@code -Xmx} to prove the file fits, and under {@code /usr/bin/time -v} for the
 * resident set:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.omnisync.benchmarks.ConfigurationMemory generate 200000 /tmp/agents.json
 * /usr/bin/time -v java -Xmx256m -cp benchmarks/target/benchmarks.jar \
 *     io.omnisync.benchmarks.ConfigurationMemory validate /tmp/agents.json
 * </pre>
 *
 * The file is the guide's contact center (examples/contact-center.json's statuses and mapping)
 * with realistic agents: 18-character Salesforce ids, 24-character Talkdesk ids, one agent in
 * four with a permission set, the layout {@code JsonConfigurationFile.write} gives.
 */
public final class ConfigurationMemory {

    private ConfigurationMemory() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("generate")) {
            Path file = Path.of(args[2]);
            Files.writeString(
                    file, JsonConfigurationFile.write(draft(Integer.parseInt(args[1]))), StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "%s: %s agents, %,d bytes%n", file, args[1], Files.size(file));
            return;
        }
        if (args.length == 2 && args[0].equals("validate")) {
            Path file = Path.of(args[1]);
            long start = System.nanoTime();
            LoadedConfiguration loaded = ConfigurationLoader.load(file);
            long millis = (System.nanoTime() - start) / 1_000_000;
            String outcome = loaded instanceof LoadedConfiguration.Valid valid
                    ? "valid, " + valid.configuration().agents().size() + " agents, "
                            + valid.warnings().size() + " warnings"
                    : loaded instanceof LoadedConfiguration.Invalid invalid
                            ? "invalid, " + invalid.problems().size() + " problems"
                            : "unreadable: " + ((LoadedConfiguration.Unreadable) loaded).error();
            long peak = peakHeap();
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long retained = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf(
                    Locale.ROOT,
                    "validated %s (%,d bytes) in %,d ms: %s; retained %,d MB (the draft and the configuration);"
                            + " heap pools' peaks summed %,d MB (max heap %,d MB)%n",
                    file,
                    Files.size(file),
                    millis,
                    outcome,
                    retained / (1024 * 1024),
                    peak / (1024 * 1024),
                    runtime.maxMemory() / (1024 * 1024));
            java.lang.ref.Reference.reachabilityFence(loaded);
            return;
        }
        System.err.println("usage: ConfigurationMemory generate AGENTS FILE | validate FILE");
        System.exit(2);
    }

    /** The guide's contact center with {@code agents} agents whose ids look like the vendors' own. */
    static ConfigurationDraft draft(int agents) {
        ConfigurationDraft base = ContactCenter.draft(0, false);
        List<AgentDraft> people = List.range(0, agents)
                .map((Integer i) -> new AgentDraft(
                        String.format(Locale.ROOT, "agent-%07d", i),
                        String.format(Locale.ROOT, "%024x", 0x5f3a_0000_0000L + i),
                        String.format(Locale.ROOT, "005Hs%010dAAA", i),
                        "Agent",
                        i % 4 == 0 ? List.of("Chat_Team") : List.empty(),
                        ContactCenter.TALKDESK_PICKS.get(i % ContactCenter.TALKDESK_PICKS.size()),
                        ContactCenter.OMNI_PICKS.get(i % ContactCenter.OMNI_PICKS.size())))
                .toList();
        var omni = base.omniChannel();
        return new ConfigurationDraft(
                base.talkdesk(),
                new ConfigurationDraft.OmniChannel(
                        omni.serviceChannels(),
                        omni.presenceStatuses(),
                        omni.profiles(),
                        List.of(new ConfigurationDraft.AccessGrantDraft("Chat_Team", List.of("Chat_Only"))),
                        omni.presenceConfigurations()),
                people,
                base.integration());
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
