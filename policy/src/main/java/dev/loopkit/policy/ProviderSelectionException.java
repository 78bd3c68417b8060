package dev.loopkit.policy;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * No provider could be chosen: the requested one does not exist, is unavailable, failed, lacks a
 * required capability or shares its name with another; or no available provider fits. The message
 * says which, and lists every candidate and why it is or is not usable.
 */
@API(status = STABLE, since = "0.1")
public class ProviderSelectionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient List<Verdict> verdicts;

    /**
     * Creates the exception.
     *
     * @param problem the first line: what went wrong and what to do
     * @param verdicts every candidate and why it is or is not usable
     */
    public ProviderSelectionException(String problem, List<Verdict> verdicts) {
        super(problem + (verdicts.isEmpty() ? "\n  (no provider is registered: add a loopkit provider jar,"
                + " such as loopkit-default, to the class path or module path)"
                : "\nProviders found:\n" + Selection.table(verdicts)));
        this.verdicts = List.copyOf(verdicts);
    }

    /** Returns every candidate and why it is or is not usable. */
    public List<Verdict> verdicts() {
        return verdicts;
    }
}
