/**
 * The loopkit toolkit: asyncio's high-level functions ({@code sleep}, {@code gather},
 * {@code shield}, {@code wait_for}, {@code timeout}) written against {@code dev.loopkit.api} alone,
 * so that they work on every vendor's loop.
 */
module dev.loopkit.toolkit {
    requires transitive dev.loopkit.api;
    requires static transitive org.apiguardian.api;

    exports dev.loopkit.toolkit;
}
