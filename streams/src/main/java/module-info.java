/**
 * asyncio's streams on the protocol API: {@code openConnection}/{@code startServer} and their
 * Unix-domain twins, {@link dev.loopkit.streams.StreamReader} and
 * {@link dev.loopkit.streams.StreamWriter}. Written against {@code dev.loopkit.api} alone.
 */
module dev.loopkit.streams {
    requires transitive dev.loopkit.api;
    requires static transitive org.apiguardian.api;

    exports dev.loopkit.streams;
}
