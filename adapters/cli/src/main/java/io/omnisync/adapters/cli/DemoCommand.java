package io.omnisync.adapters.cli;

import io.omnisync.adapters.configjson.LoadedConfiguration;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.application.admin.ReplacePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code demo}: the guide's example day on the built-in configuration, as a readable timeline. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "The setup guide's example day on a built-in contact center, as a readable timeline.")
final class DemoCommand implements Callable<Integer> {

    /** The parts of the demo: a title, a configuration and a day, all in examples/. */
    private record Part(String title, String configuration, String day, String about) {}

    private static final java.util.List<Part> PARTS = java.util.List.of(
            new Part(
                    "Part 1: the setup guide's day",
                    "contact-center.json",
                    "guide-day.jsonl",
                    "Agents maria and joao (Chat_Team), ana (no Chat Only). Sync starts off; business hours are "
                            + "Mon-Fri 08:00-20:00 Lisbon. The guide: activate after hours, map both ways, On a Call "
                            + "is reserved, Offline is never pushed, return to the previous status after a call."),
            new Part(
                    "Part 2: a presence sync rule on workload",
                    "chat-capacity.json",
                    "chat-capacity.jsonl",
                    "maria takes calls and chats ('Calls and chats' in Talkdesk, Chat Only in Omni-Channel, "
                            + "capacity 3). When chats fill her capacity Talkdesk stops offering calls; when capacity "
                            + "frees up, calls resume."));

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("Omnisync demo. Legend: -> command sent to a vendor   .  nothing to do, and why   "
                + "!  refused   x  the vendor said no");
        Path folder = Files.createTempDirectory("omnisync-demo");
        try {
            for (Part part : PARTS) {
                out.println();
                out.println("=== " + part.title() + " (examples/" + part.configuration() + ", examples/" + part.day()
                        + ")");
                out.println(part.about());
                LoadedConfiguration input = Inputs.readConfiguration(extract(part.configuration(), folder));
                if (!(input instanceof LoadedConfiguration.Valid valid)) {
                    err.println("the built-in demo configuration " + part.configuration() + " does not load: " + input);
                    return ExitCode.INVALID_CONFIGURATION;
                }
                var day = Inputs.playable(extract(part.day(), folder), valid.configuration(), err);
                if (day.isLeft()) {
                    return day.getLeft();
                }
                ScenarioRunner runner = ScenarioRunner.on(new SandboxVendorsModule(), new InMemoryStoreModule());
                int exit = runner.run(
                        new HumanTimeline(out, false), valid, day.get(), ReplacePolicy.REFUSE_DIFFERENT, "memory", err);
                if (exit != ExitCode.OK) {
                    return exit;
                }
            }
            return ExitCode.OK;
        } finally {
            try (var files = Files.list(folder)) {
                files.forEach(file -> file.toFile().delete());
            }
            Files.deleteIfExists(folder);
        }
    }

    private static Path extract(String name, Path folder) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo resource examples/" + name + " is missing from the jar");
            }
            Path file = folder.resolve(name);
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
