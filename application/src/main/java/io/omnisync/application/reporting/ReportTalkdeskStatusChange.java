package io.omnisync.application.reporting;

/** Driving port: Talkdesk says an agent's status changed (picked by the agent, or set by a call). */
public interface ReportTalkdeskStatusChange {

    void talkdeskStatusChanged(TalkdeskStatusChange change);
}
