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
