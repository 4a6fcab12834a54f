package io.omnisync.adapters.kafka.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one {@link EmbeddedKafka} for the whole test run: started by the first test that asks for it
 * (as a parameter of a test, a constructor or a {@code @BeforeAll} method), stopped and deleted when the
 * run ends (JUnit closes what its root store holds). One start instead of one per class keeps the suite
 * fast; tests sharing it use names of their own for topics, groups and applications.
 */
public final class EmbeddedKafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public EmbeddedKafka resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmbeddedKafka.class, key -> EmbeddedKafka.start(), EmbeddedKafka.class);
    }
}
