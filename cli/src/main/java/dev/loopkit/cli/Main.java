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

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code loopkit} command: {@code providers} lists the loop providers and which one the
 * policy picks; {@code certify} runs the conformance TCK against them and writes a report.
 */
@Command(name = "loopkit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Lists loopkit event loop providers and certifies them with the conformance TCK.",
        subcommands = {ProvidersCommand.class, CertifyCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Public for picocli, which creates the command; programs call {@link #main}. */
    public Main() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command line, as {@code loopkit --help} describes it
     */
    public static void main(String[] args) {
        CliLogging.warningsOnly();
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status. */
    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /** Runs the command line writing to {@code out} and {@code err}; returns its exit status. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new Main()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --version}: the command's build, the TCK's (the one its reports name), the JVM. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"loopkit " + CliVersion.get(), "TCK " + MarkdownReport.tckVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")"};
        }
    }
}
