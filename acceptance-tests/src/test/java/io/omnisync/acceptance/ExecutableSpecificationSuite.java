package io.omnisync.acceptance;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.OBJECT_FACTORY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The executable specification: every feature under {@code src/test/resources/features}, run by
 * Cucumber on the JUnit Platform with the engine and the vendor adapters wired by Guice. Which
 * adapters run is the system property {@value VendorAdapters#PROPERTY} (see {@link VendorAdapters});
 * the HTML report goes where {@code cucumber.plugin} says (the build sets it per adapter set).
 * Undefined and pending steps fail their scenario, and so the build.
 * <p>
 * The features are selected as a package: Cucumber warns that a classpath resource selector
 * should not name a directory of features.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.omnisync.acceptance")
@ConfigurationParameter(key = OBJECT_FACTORY_PROPERTY_NAME, value = "io.cucumber.guice.GuiceFactory")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
public class ExecutableSpecificationSuite {}
