package dev.loopkit.examples;

/**
 * Finds the ends of HTTP/1.1 request heads (the blank line, {@code "\r\n\r\n"}) in a byte stream
 * that arrives in chunks, one byte at a time: all the parsing the plaintext benchmark needs
 * (requests without a body). Shared with the benchmarks' Netty peer, so both servers do the same
 * work. One per connection; not thread-safe.
 */
public final class RequestHeads {

    /** How many bytes of "\r\n\r\n" the bytes seen so far end with. */
    private int matched;

    /** Takes the next byte of the stream; returns whether it ends a request head. */
    public boolean next(byte b) {
        if (b == (matched % 2 == 0 ? '\r' : '\n')) {
            if (++matched == 4) {
                matched = 0;
                return true;
            }
        } else {
            matched = b == '\r' ? 1 : 0;
        }
        return false;
    }
}
