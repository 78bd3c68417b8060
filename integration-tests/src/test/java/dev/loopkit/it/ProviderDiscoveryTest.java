/*
 * Copyright 2026 The loopkit developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.loopkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code ServiceLoader.load(EventLoopProvider.class)} finds {@code default} from the built
 * default-impl jar alone, on the class path and on the module path: no hand-written registration,
 * nothing but the jar and its dependencies.
 */
class ProviderDiscoveryTest {

    private static final String DEFAULT_PROVIDER = "dev.loopkit.impl.DefaultProvider";

    @Test
    void theDefaultJarIsTheBuiltJar() throws Exception {
        Path jar = locationOf(Class.forName(DEFAULT_PROVIDER));
        assertTrue(jar.getFileName().toString().matches("loopkit-default-.*\\.jar"),
                "expected the packaged jar (run the suite with ./run test, i.e. mvn verify), got " + jar);
    }

    @Test
    void classPathFindsDefaultFromTheJarAlone() throws Exception {
        URL[] contracts = {url(EventLoop.class), url(EventLoopProvider.class), url(LoggerFactory.class)};
        try (URLClassLoader contractLoader = new URLClassLoader("contracts", contracts,
                ClassLoader.getPlatformClassLoader());
             URLClassLoader vendorLoader = new URLClassLoader("vendor",
                     new URL[] {url(Class.forName(DEFAULT_PROVIDER))}, contractLoader)) {
            Class<?> service = contractLoader.loadClass(EventLoopProvider.class.getName());
            List<String> names = namesOf(ServiceLoader.load(service, vendorLoader));
            assertEquals(List.of("default"), names);
            assertFalse(namesOf(ServiceLoader.load(service, contractLoader)).contains("default"),
                    "without the default jar nothing should be found");
        }
    }

    @Test
    void modulePathFindsDefaultThroughProvides() throws Exception {
        ModuleFinder finder = ModuleFinder.of(locationOf(EventLoop.class), locationOf(EventLoopProvider.class),
                locationOf(LoggerFactory.class), locationOf(Class.forName(DEFAULT_PROVIDER)));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.loopkit.spi", "dev.loopkit.impl"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        Class<?> service = layer.findLoader("dev.loopkit.spi").loadClass(EventLoopProvider.class.getName());

        List<String> names = new ArrayList<>();
        for (Object provider : ServiceLoader.load(layer, service)) {
            names.add((String) service.getMethod("name").invoke(provider));
            assertEquals("dev.loopkit.impl", provider.getClass().getModule().getName());
            assertTrue(provider.getClass().getModule().isNamed());
            Object loop = service.getMethod("newEventLoop").invoke(provider);
            Method close = loop.getClass().getMethod("close");
            close.setAccessible(true);
            close.invoke(loop);
        }
        assertEquals(List.of("default"), names);
        assertFalse(layer.findModule("dev.loopkit.impl").orElseThrow().isExported("dev.loopkit.impl"),
                "the default loop's package stays private to its module");
    }

    private static List<String> namesOf(ServiceLoader<?> loader) throws ReflectiveOperationException {
        List<String> names = new ArrayList<>();
        for (Object provider : loader) {
            names.add((String) provider.getClass().getMethod("name").invoke(provider));
        }
        return names;
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static URL url(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
