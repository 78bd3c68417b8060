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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The throwaway certificate names what it was asked for, and refuses what keytool would misread. */
class SelfSignedCertificateTest {

    @Test
    void theCertificateNamesItsHostsAndAddresses() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.generate("localhost", "127.0.0.1", "::1").certificate();
        assertEquals("CN=localhost", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal(), "self-signed");
        assertEquals(Set.of("2:localhost", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1"), alternativeNames(certificate));
        certificate.checkValidity();
    }

    @Test
    void noNameOrANameKeytoolWouldSplitIsRefused() {
        assertThrows(IllegalArgumentException.class, SelfSignedCertificate::generate);
        IllegalArgumentException comma = assertThrows(IllegalArgumentException.class,
                () -> SelfSignedCertificate.generate("a,b"));
        assertTrue(comma.getMessage().contains("'a,b'"), comma.getMessage());
    }

    /** Each subject alternative name as "TYPE:VALUE" (2 for DNS, 7 for an IP address). */
    private static Set<String> alternativeNames(X509Certificate certificate) throws CertificateParsingException {
        return certificate.getSubjectAlternativeNames().stream()
                .map((List<?> entry) -> entry.get(0) + ":" + entry.get(1)).collect(Collectors.toSet());
    }
}
