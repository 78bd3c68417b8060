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

import dev.loopkit.tck.CertificationResult;
import dev.loopkit.tck.Rules;
import dev.loopkit.tck.RuleOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.CodeSource;
import java.util.HexFormat;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The certification report a vendor attaches to a release: TCK version and jar checksum, the
 * provider's name, class and jar checksum, JDK, OS, date, counts, each failing rule with its
 * message, and every rule's result.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(CertificationResult result, Class<?> providerClass) {
        StringBuilder md = new StringBuilder();
        long failed = result.count(RuleOutcome.Status.FAILED);
        long requiredFailed = result.failures().stream().filter(o -> o.rule().required()).count();
        md.append("# loopkit TCK certification: `").append(result.providerName()).append("`\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Verdict", result.certified() ? "**CERTIFIED**: every required rule passed"
                : "**NOT CERTIFIED**: " + requiredFailed + " required rule" + (requiredFailed == 1 ? "" : "s")
                        + " failed");
        row(md, "TCK", "loopkit-tck " + tckVersion() + ", " + artifact(Rules.class));
        row(md, "Provider", "`" + result.providerName() + "`, class `" + result.providerClass() + "`");
        row(md, "Provider jar", artifact(providerClass));
        row(md, "Reproduce", reproduce());
        row(md, "JDK", System.getProperty("java.vm.vendor") + " " + Runtime.version());
        row(md, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        row(md, "Date", result.startedAt().toString());
        row(md, "Rules", result.count(RuleOutcome.Status.PASSED) + " passed, " + failed + " failed, "
                + result.count(RuleOutcome.Status.SKIPPED) + " skipped, of " + result.outcomes().size());
        md.append("\n## Failing rules\n\n");
        if (result.failures().isEmpty()) {
            md.append("None.\n");
        }
        for (RuleOutcome failure : result.failures()) {
            md.append("- **").append(failure.rule().id()).append("** ").append(failure.rule().statement())
                    .append(" (reference: ").append(failure.rule().reference()).append(")\n\n  ")
                    .append(failure.rule().advice()).append("\n\n  ```\n  ")
                    .append(failure.message().strip().replace("\n", "\n  ")).append("\n  ```\n");
        }
        md.append("\n## All rules\n\n| Rule | Result | Statement | If it fails, check |\n|---|---|---|---|\n");
        for (RuleOutcome outcome : result.outcomes()) {
            md.append("| ").append(outcome.rule().id()).append(" | ").append(outcome.status().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(cell(outcome.rule().statement())).append(" | ").append(cell(outcome.rule().hint()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /**
     * How a reader gets the TCK jar's SHA-256 again: loopkit's build is reproducible, so the same
     * source built with the same JDK feature version gives the same bytes.
     */
    private static String reproduce() {
        String jdk = buildJdk(Rules.class);
        return "the TCK jar's SHA-256 is reproducible: build loopkit " + tckVersion() + " from its source with JDK "
                + (jdk != null ? jdk : "(unknown: the TCK ran unpackaged)") + " (`./run reproduce` builds it twice"
                + " from clean clones and prints every jar's SHA-256; the TCK is"
                + " `conformance-tck/target/loopkit-tck-" + tckVersion() + ".jar`). The provider jar's hash reproduces"
                + " only if its vendor's build is reproducible.";
    }

    /** The {@code Build-Jdk-Spec} (JDK feature version) in the manifest of the jar {@code type} came from, or null. */
    static String buildJdk(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        try {
            Path path = code == null ? null : Path.of(code.getLocation().toURI());
            if (path == null || !Files.isRegularFile(path)) {
                return null;
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                Manifest manifest = jar.getManifest();
                return manifest == null ? null : manifest.getMainAttributes().getValue("Build-Jdk-Spec");
            }
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return null;
        }
    }

    static String tckVersion() {
        String version = Rules.class.getPackage().getImplementationVersion();
        return version != null ? version : "(unpackaged build)";
    }

    /** The file a class came from with its SHA-256, or why there is none. */
    static String artifact(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null) {
            return "(unknown location)";
        }
        try {
            Path path = Path.of(code.getLocation().toURI());
            if (!Files.isRegularFile(path)) {
                return "`" + path + "` (a directory: no checksum)";
            }
            return "`" + path.getFileName() + "`, SHA-256 `" + sha256(path) + "`";
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return "`" + code.getLocation() + "` (unreadable: " + e.getMessage() + ")";
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStreamSink.INSTANCE);
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Discards what a digest stream reads. */
    private static final class OutputStreamSink extends OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
