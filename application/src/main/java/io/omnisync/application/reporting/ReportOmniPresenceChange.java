package io.omnisync.application.reporting;

/** Driving port: Omni-Channel says an agent picked a presence status, or logged out. */
public interface ReportOmniPresenceChange {

    void omniPresenceChanged(OmniPresenceChange change);
}
