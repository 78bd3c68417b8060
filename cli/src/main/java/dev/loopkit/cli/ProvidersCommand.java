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

import dev.loopkit.policy.Candidate;
import dev.loopkit.policy.LoopPolicy;
import dev.loopkit.policy.ProviderDiscovery;
import dev.loopkit.policy.ProviderSelectionException;
import dev.loopkit.policy.Selection;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loopkit providers}: the policy's explanation table, or its choice alone, or as JSON. */
@Command(name = "providers", mixinStandardHelpOptions = true,
        description = {"Lists every loop provider found, which one the policy picks and why.",
            "Honours -Dloopkit.provider and LOOPKIT_PROVIDER like an application would."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:a provider was chosen", "2:no provider could be chosen (the reason goes to standard"
                + " error, as certify's selection errors do)"})
final class ProvidersCommand implements Callable<Integer> {

    @Option(names = "--classpath", paramLabel = "JARS",
            description = "Vendor jars or directories to search too, separated by '${sys:path.separator}'.")
    String classPath;

    @Option(names = "--json", description = "Print one JSON document instead of the table: the choice (or the"
            + " error), and every provider with its capabilities, status and verdict.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the chosen provider's name.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClassLoader loader = VendorClassPath.loaderFor(classPath);
        List<Candidate> candidates = ProviderDiscovery.discover(loader);
        Selection selection;
        try {
            selection = LoopPolicy.builder().classLoader(loader).build().selection();
        } catch (ProviderSelectionException e) {
            if (json) {
                JsonOutput.print(out, JsonOutput.Providers.failed(e.getMessage(), candidates));
            }
            out.flush();
            err.println("loopkit providers: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (json) {
            JsonOutput.print(out, JsonOutput.Providers.of(selection));
        } else if (quiet) {
            out.println(selection.chosen().name());
        } else {
            out.println(candidates.size() + " provider registration" + (candidates.size() == 1 ? "" : "s") + " found.");
            out.println(selection.explain());
        }
        return 0;
    }
}
