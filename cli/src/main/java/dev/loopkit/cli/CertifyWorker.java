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

import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.tck.Certification;
import dev.loopkit.tck.TckSettings;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * The JVM in which {@code loopkit certify} runs the vendor's code: instantiates one provider,
 * certifies it with the settings of this JVM, writes the JUnit XML report, and reports every step
 * to the events file ({@link WorkerEvents}). It never decides the verdict: the command does, from
 * the events, so that a provider that exits, hangs or crashes this JVM cannot pass.
 *
 * <p>Arguments: provider class, vendor class path (empty for none), report directory, events file.
 */
final class CertifyWorker {

    private CertifyWorker() {
    }

    public static void main(String[] args) throws Exception {
        CliLogging.warningsOnly();
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: CertifyWorker PROVIDER_CLASS CLASS_PATH REPORT_DIR EVENTS_FILE");
        }
        try (WorkerEvents.Sink events = new WorkerEvents.Sink(Path.of(args[3]))) {
            ClassLoader loader = VendorClassPath.loaderFor(args[1].isEmpty() ? null : args[1]);
            events.write(WorkerEvents.CONSTRUCTING);
            EventLoopProvider provider = (EventLoopProvider) Class.forName(args[0], true, loader)
                    .getConstructor().newInstance();
            PrintWriter xmlLog = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            Certification.certify(provider, TckSettings.fromEnvironment(), events,
                    new LegacyXmlReportGeneratingListener(Path.of(args[2]), xmlLog));
            events.write(WorkerEvents.DONE);
        }
        // Threads the vendor's code left behind must not keep this JVM alive.
        System.exit(0);
    }
}
