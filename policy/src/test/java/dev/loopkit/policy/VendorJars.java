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
package dev.loopkit.policy;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.spi.ToolProvider;

/**
 * Builds a third-party vendor's provider jar at test time, as it would arrive: compiled against
 * the api and spi jars only, registered in its own {@code META-INF/services} file.
 */
final class VendorJars {

    private VendorJars() {
    }

    /** The source of a provider {@code pkg.Name} called {@code name} whose loops are minimal. */
    static String providerSource(String pkg, String simpleName, String name, int priority, String capability) {
        return """
                package %1$s;

                public final class %2$s implements dev.loopkit.spi.EventLoopProvider {
                    public String name() { return "%3$s"; }
                    public int priority() { return %4$d; }
                    public java.util.Set<String> capabilities() { return java.util.Set.of("%5$s"); }
                    public dev.loopkit.api.EventLoop newEventLoop() {
                        return new dev.loopkit.spi.BaseEventLoop() {
                            protected void processEvents(long timeoutNanos) { }
                            protected void wakeup() { }
                            protected void closeBackend() { }
                        };
                    }
                }
                """.formatted(pkg, simpleName, name, priority, capability);
    }

    /**
     * Compiles {@code sources} (class name to source) into {@code jar}, registering
     * {@code registrations} (class names, which need not exist) as providers.
     */
    static Path build(Path jar, List<String[]> sources, List<String> registrations) throws IOException {
        Path classes = Files.createTempDirectory(jar.getParent(), "vendor-classes");
        compile(sources, classes, location(EventLoop.class), location(EventLoopProvider.class));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/" + EventLoopProvider.class.getName()));
            out.write((String.join("\n", registrations) + "\n").getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> compiled = Files.walk(classes)) {
                for (Path file : compiled.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(file));
                }
            }
        }
        return jar;
    }

    /** Compiles {@code sources} (class name, source text) into {@code classes} against {@code classPath}. */
    static void compile(List<String[]> sources, Path classes, String... classPath) throws IOException {
        Path sourceRoot = Files.createTempDirectory(classes.getParent(), "src");
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", classes.toString(), "-cp",
                String.join(java.io.File.pathSeparator, classPath)));
        for (String[] source : sources) {
            Path file = sourceRoot.resolve(source[0].replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source[1]);
            args.add(file.toString());
        }
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new IllegalStateException("the tests need a JDK (javac), not a JRE"));
        StringWriter errors = new StringWriter();
        int status = javac.run(new PrintWriter(errors), new PrintWriter(errors), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("test sources did not compile:\n" + errors);
        }
    }

    static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
