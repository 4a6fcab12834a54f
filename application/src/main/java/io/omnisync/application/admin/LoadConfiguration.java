package io.omnisync.application.admin;

import io.omnisync.domain.configuration.ConfigurationDraft;

/** Driving port: load or replace the running configuration, validated whole and applied whole (SPEC 4.9). */
public interface LoadConfiguration {

    LoadResult load(ConfigurationDraft draft);
}
