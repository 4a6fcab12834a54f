package io.omnisync.acceptance;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import jakarta.inject.Inject;

/**
 * A scenario's contact center stops with the scenario (the http set's server, the stand-in's backing), and what the
 * run shares (the http set's Talkdesk stand-in) with the run.
 */
public class ContactCenterHooks {

    private final ContactCenter center;

    @Inject
    public ContactCenterHooks(ContactCenter center) {
        this.center = center;
    }

    @After
    public void stopTheContactCenter() {
        center.close();
    }

    @AfterAll
    public static void stopWhatTheRunShares() {
        HttpContactCenter.stopTheStandIn();
    }
}
