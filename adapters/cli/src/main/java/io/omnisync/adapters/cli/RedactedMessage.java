package io.omnisync.adapters.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * The log message with credentials blotted out, whoever logged it (SPEC 10: {@code Authorization} headers are
 * redacted from logs): the value of an {@code Authorization} or {@code Omnisync-Signature} header, and any {@code
 * Bearer} or {@code Basic} credential, become {@code <redacted>}. Omnisync's own code never logs them; this keeps a
 * library at DEBUG (Jetty prints request headers) from doing it.
 */
public final class RedactedMessage extends MessageConverter {

    private static final Pattern HEADER =
            Pattern.compile("(?i)((?:authorization|omnisync-signature)\\s*[:=]\\s*\\[?)[^\\]\\r\\n,;]+");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");

    @Override
    public String convert(ILoggingEvent event) {
        return redact(super.convert(event));
    }

    static String redact(String message) {
        if (message == null) {
            return null;
        }
        String headers = HEADER.matcher(message).replaceAll("$1<redacted>");
        return CREDENTIAL.matcher(headers).replaceAll("$1 <redacted>");
    }
}
