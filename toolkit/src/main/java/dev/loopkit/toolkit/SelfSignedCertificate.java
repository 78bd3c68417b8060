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
package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apiguardian.api.API;

/**
 * A key and a self-signed certificate made on the spot, for tests and demos of TLS (as Netty's
 * {@code SelfSignedCertificate}): nothing trusts it but the contexts made here, and its private key
 * lives only in memory. Not for production, where a certificate comes from a real authority.
 *
 * <p>The JDK has no public API that signs a certificate, so this runs the JDK's own
 * {@code keytool} (from {@code java.home}) once, into a temporary directory it deletes. Immutable
 * and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SelfSignedCertificate {

    private static final String ALIAS = "loopkit";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private final KeyStore keys;
    private final char[] password;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyStore keys, char[] password) throws GeneralSecurityException {
        this.keys = keys;
        this.password = password;
        this.certificate = (X509Certificate) keys.getCertificate(ALIAS);
    }

    /**
     * Makes an EC P-256 key and a certificate valid for a week that names {@code names}.
     *
     * @param names the DNS names and IP address literals the certificate is for, e.g.
     *     {@code "localhost", "127.0.0.1"}; the first is also its common name; at least one
     * @return the key and certificate
     * @throws IllegalArgumentException if no name is given, or a name has a comma or a space
     * @throws IOException if {@code keytool} cannot run or fails (its output is in the message)
     */
    public static SelfSignedCertificate generate(String... names) throws IOException {
        if (names.length == 0) {
            throw new IllegalArgumentException("give at least one name, e.g. \"localhost\"");
        }
        List<String> alternatives = new ArrayList<>();
        for (String name : names) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.contains(",") || name.contains(" ")) {
                throw new IllegalArgumentException("not a host name or address: '" + name + "'");
            }
            alternatives.add(name.contains(":") || isIpv4(name)
                    ? "ip:" + name : "dns:" + name);
        }
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        char[] password = HexFormat.of().formatHex(secret).toCharArray();
        Path directory = Files.createTempDirectory("loopkit-cert");
        Path store = directory.resolve("key.p12");
        try {
            runKeytool(List.of("-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", new String(password), "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + names[0], "-ext", "SAN=" + String.join(",", alternatives), "-validity", "7"));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            return new SelfSignedCertificate(keys, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("keytool's key store cannot be read: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(directory);
        }
    }

    private static boolean isIpv4(String name) {
        return name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static void runKeytool(List<String> arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException(keytool + " is missing: run on a full JDK, whose keytool signs the certificate");
        }
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("keytool failed (exit " + process.exitValue() + "): "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made the certificate", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** {@return the certificate} */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Returns a context that presents this certificate and trusts the JDK's default authorities:
     * a server's, or a client's that authenticates itself.
     *
     * @return a new context
     */
    public SSLContext keyContext() {
        return context(true, null);
    }

    /**
     * Returns a context that presents this certificate and trusts only {@code peer}'s: each side of
     * a mutually authenticated connection.
     *
     * @param peer the certificate the other side presents; never null
     * @return a new context
     */
    public SSLContext keyContext(SelfSignedCertificate peer) {
        return context(true, Objects.requireNonNull(peer, "peer").certificate);
    }

    /**
     * Returns a context that presents no certificate and trusts only this one: a client's.
     *
     * @return a new context
     */
    public SSLContext trustContext() {
        return context(false, certificate);
    }

    private SSLContext context(boolean presentKey, X509Certificate trusted) {
        try {
            KeyManagerFactory keyManagers = null;
            if (presentKey) {
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, password);
            }
            TrustManager[] trustManagers = null;
            if (trusted != null) {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                trust.setCertificateEntry("peer", trusted);
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trust);
                trustManagers = factory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            // Only a JDK without its standard TLS providers gets here.
            throw new IllegalStateException("this JDK cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SelfSignedCertificate[" + certificate.getSubjectX500Principal() + "]";
    }
}
