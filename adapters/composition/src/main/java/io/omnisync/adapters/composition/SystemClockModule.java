package io.omnisync.adapters.composition;

import com.google.inject.AbstractModule;
import java.time.Clock;

/** Real time, for hosts talking to real vendors. Simulations bind their own clock instead. */
public class SystemClockModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
    }
}
