package io.omnisync.adapters.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * How much the command line logs (logback.xml, on standard error). A command that prints a result logs warnings only,
 * so its output is the result; {@code serve}, a service, logs what it does (INFO); {@code --verbose} turns INFO on for
 * every command, libraries included; {@code OMNISYNC_LOG_LEVEL} (DEBUG, INFO, WARN...) sets Omnisync's own level
 * whatever the command.
 */
final class LogLevels {

    static final String ENVIRONMENT = "OMNISYNC_LOG_LEVEL";

    private LogLevels() {}

    /** Sets the levels for a command about to run. */
    static void forCommand(boolean verbose, boolean serving, Optional<String> fromEnvironment) {
        Level own = fromEnvironment
                .map(name -> Level.toLevel(name, Level.INFO))
                .orElse(verbose || serving ? Level.INFO : Level.WARN);
        logger("io.omnisync").setLevel(own);
        logger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
