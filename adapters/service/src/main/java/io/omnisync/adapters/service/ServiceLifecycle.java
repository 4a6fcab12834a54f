package io.omnisync.adapters.service;

/**
 * A part of the service with threads of its own (the live view, the console's commands): started before the server
 * takes requests, stopped after it has finished them. Bound into a set by the modules that have such parts.
 */
public interface ServiceLifecycle {

    default void start() {}

    default void stop() {}
}
