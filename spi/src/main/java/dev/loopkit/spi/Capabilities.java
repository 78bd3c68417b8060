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

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Names of the optional capabilities a provider declares in
 * {@link EventLoopProvider#capabilities()}, so that the policy can pick a loop that has them.
 */
@API(status = STABLE, since = "0.1")
public final class Capabilities {

    /** TCP connections and servers. */
    public static final String TCP = "tcp";
    /** UDP datagram endpoints. */
    public static final String UDP = "udp";
    /** Unix-domain sockets. */
    public static final String UNIX = "unix";
    /** Readiness callbacks on channels ({@code addReader}/{@code addWriter}) and the {@code sock*} operations. */
    public static final String READINESS = "readiness";
    /** Signal handlers ({@code addSignalHandler}/{@code removeSignalHandler}). */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final String SIGNALS = "signals";

    /** TLS on stream connections ({@code createConnection}/{@code createServer} with {@code SslOptions}, {@code startTls}). */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final String TLS = "tls";

    /** Child processes with pipes ({@code subprocessExec}, {@code subprocessShell}). */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final String SUBPROCESS = "subprocess";

    private Capabilities() {
    }
}
