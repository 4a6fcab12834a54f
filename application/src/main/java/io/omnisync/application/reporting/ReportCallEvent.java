package io.omnisync.application.reporting;

/** Driving port: Talkdesk's call lifecycle (answer, hang up, end of wrap-up) for one agent. */
public interface ReportCallEvent {

    void callEvent(CallEvent event);
}
