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
package dev.loopkit.epoll;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.SelectableChannel;
import java.util.Optional;

/**
 * Reads the file descriptor of a {@code java.nio} channel, which epoll needs and the JDK does not
 * expose: every selectable channel of the JDK implements {@code sun.nio.ch.SelChImpl}, whose
 * {@code getFDVal()} returns it (as on every JDK from 11 to 25). The package is not exported, so
 * this needs {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} (or the module's name); without
 * it {@link #problem()} says so and the provider reports itself unavailable. The only place the
 * provider touches a JDK internal.
 */
final class ChannelDescriptors {

    private static final String INTERNAL_PACKAGE = "sun.nio.ch";
    private static final String FLAG = "--add-exports java.base/" + INTERNAL_PACKAGE + "=ALL-UNNAMED";
    private static final Method GET_FD_VAL;
    private static final String PROBLEM;

    static {
        Method getFdVal = null;
        String problem = null;
        Module base = Object.class.getModule();
        if (!base.isExported(INTERNAL_PACKAGE, ChannelDescriptors.class.getModule())) {
            problem = "the JVM does not let it read the file descriptors of java.nio channels: start it with " + FLAG;
        } else {
            try {
                getFdVal = Class.forName(INTERNAL_PACKAGE + ".SelChImpl").getMethod("getFDVal");
            } catch (ReflectiveOperationException e) {
                problem = "this JDK's java.nio channels have no sun.nio.ch.SelChImpl.getFDVal() (" + e
                        + "): use a JDK from 21 to 25";
            }
        }
        GET_FD_VAL = getFdVal;
        PROBLEM = problem;
    }

    private ChannelDescriptors() {
    }

    /** Why descriptors cannot be read in this JVM, or empty if they can. */
    static Optional<String> problem() {
        return Optional.ofNullable(PROBLEM);
    }

    /**
     * The file descriptor of {@code channel}, an open channel of the JDK's.
     *
     * @throws IllegalArgumentException if the channel is not the JDK's (a channel of another
     *     {@code SelectorProvider})
     */
    static int of(SelectableChannel channel) {
        if (GET_FD_VAL == null) {
            throw new IllegalStateException(PROBLEM);
        }
        if (!GET_FD_VAL.getDeclaringClass().isInstance(channel)) {
            throw new IllegalArgumentException("the epoll loop watches only the JDK's own channels, not "
                    + channel.getClass().getName() + " (from another SelectorProvider)");
        }
        try {
            return (int) GET_FD_VAL.invoke(channel);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(PROBLEM != null ? PROBLEM : "start the JVM with " + FLAG, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot read the file descriptor of " + channel, e.getCause());
        }
    }
}
