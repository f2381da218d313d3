package io.dora.core.driver;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a driver can do. New capabilities are added to {@link Capability}; a driver that does not list one
 * does not offer it.
 *
 * @param features the capabilities offered
 * @param cancel   how far cancelling a query reaches
 */
public record DriverCapabilities(Set<Capability> features, CancelSupport cancel) {

    public DriverCapabilities {
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
        Objects.requireNonNull(cancel, "cancel");
    }

    public static DriverCapabilities of(CancelSupport cancel, Capability... features) {
        return new DriverCapabilities(Set.of(features), cancel);
    }

    public boolean has(Capability capability) {
        return features.contains(capability);
    }
}
