package io.omnisync.domain.configuration;

/** ERROR rejects a configuration; WARNING is reported and the configuration is accepted. */
public enum Severity {
    ERROR,
    WARNING
}
