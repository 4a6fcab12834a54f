package io.omnisync.acceptance;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.cucumber.guice.CucumberModules;
import io.cucumber.guice.InjectorSource;

/** The one injector of the step definitions: Cucumber's scenario scope and the contact center of each scenario. */
public final class AcceptanceInjectorSource implements InjectorSource {

    @Override
    public Injector getInjector() {
        return Guice.createInjector(
                Stage.PRODUCTION,
                CucumberModules.createScenarioModule(),
                new ContactCenterModule(VendorAdapters.selected()));
    }
}
