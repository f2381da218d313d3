package io.dora.vault.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.dora.vault.Vault;

/** The descriptor Tycho generates from the DS annotations: what the OSGi runtime will wire. */
class VaultComponentDescriptorTest {

    @Test
    void providesTheVaultServiceWithConstructorInjectionAndLocksOnDeactivate() throws Exception {
        String descriptor = "OSGI-INF/" + VaultComponent.class.getName() + ".xml";
        try (InputStream xml = VaultComponent.class.getClassLoader().getResourceAsStream(descriptor)) {
            assertNotNull(xml, descriptor + " was not generated");
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element component = factory.newDocumentBuilder().parse(xml).getDocumentElement();
            assertEquals("io.dora.vault", component.getAttribute("configuration-pid"));
            assertEquals("deactivate", component.getAttribute("deactivate"));
            assertEquals("1", component.getAttribute("init"), "the @Activate constructor takes the configuration");
            Element provide = (Element) component.getElementsByTagName("provide").item(0);
            assertEquals(Vault.class.getName(), provide.getAttribute("interface"));
            Element implementation = (Element) component.getElementsByTagName("implementation").item(0);
            assertEquals(VaultComponent.class.getName(), implementation.getAttribute("class"));
        }
    }
}
