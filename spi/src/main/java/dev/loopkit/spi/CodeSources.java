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
package dev.loopkit.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a class was loaded from, written one way wherever loopkit names it: the policy's
 * explanation table, the TCK's reports and the CLI. Stateless and thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class CodeSources {

    private CodeSources() {
    }

    /**
     * Returns where {@code type} was loaded from: {@code module NAME} on the module path,
     * otherwise the jar or directory as a file path.
     *
     * @param type the class; never null
     * @return its source, or {@code (unknown)}
     */
    public static String of(Class<?> type) {
        Module module = Objects.requireNonNull(type, "type").getModule();
        if (module.isNamed()) {
            return "module " + module.getName();
        }
        CodeSource code = type.getProtectionDomain().getCodeSource();
        return code == null || code.getLocation() == null ? "(unknown)" : path(code.getLocation());
    }

    /**
     * Returns a file or jar location as a file path: {@code jar:file:/a/b.jar!/x} becomes
     * {@code /a/b.jar!/x}, {@code file:/a/b/} becomes {@code /a/b}; anything else is kept as it is.
     *
     * @param location the URL; never null
     * @return the path
     */
    public static String path(URL location) {
        String text = location.toString();
        if (text.startsWith("jar:")) {
            text = text.substring("jar:".length());
        }
        int bang = text.indexOf("!/");
        String base = bang >= 0 ? text.substring(0, bang) : text;
        String path;
        try {
            path = Path.of(URI.create(base)).toString();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            path = base;
        }
        return bang >= 0 ? path + text.substring(bang) : path;
    }
}
