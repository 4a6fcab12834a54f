package io.omnisync.acceptance;

import io.cucumber.java.After;
import jakarta.inject.Inject;

/** A scenario's contact center stops with the scenario: the http set's server and stand-in backing go. */
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
}
