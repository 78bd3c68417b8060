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
package dev.loopkit.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --classpath} option: vendor jars (or class directories) loaded through their own
 * class loader on top of loopkit's, as a third-party provider arrives.
 */
final class VendorClassPath {

    private VendorClassPath() {
    }

    /**
     * Returns a loader over {@code classPath} (entries separated by the platform's path separator),
     * or loopkit's own loader when it is null.
     *
     * @throws IllegalArgumentException naming every entry that does not exist
     */
    static ClassLoader loaderFor(String classPath) {
        ClassLoader parent = VendorClassPath.class.getClassLoader();
        if (classPath == null || classPath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.strip());
            if (!Files.exists(path)) {
                missing.add(path.toAbsolutePath().toString());
                continue;
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                missing.add(path + " (" + e.getMessage() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--classpath names " + (missing.size() == 1 ? "an entry that does"
                    : "entries that do") + " not exist: " + String.join(", ", missing)
                    + "; give jars or class directories, separated by '" + File.pathSeparator + "'");
        }
        return new URLClassLoader("vendor", urls.toArray(URL[]::new), parent);
    }
}
