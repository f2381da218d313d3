package io.dora.logging.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a secret in configuration and log text before it leaves the machine: values of keys
 * named like a password, secret, token, credential or private key (in JSON, XML, properties and
 * {@code key=value} text), the password part of URLs, and the content of PEM blocks (a pasted certificate or
 * key). Errs on the side of masking.
 */
final class SecretScrubber {

    static final String MASK = "***";

    private static final String KEY = "[\\w.\\-]*(?:password|passwd|pwd|secret|token|credential|api[_\\-]?key"
            + "|private[_\\-]?key|passphrase)[\\w.\\-]*";
    private static final Pattern JSON = Pattern.compile("(?i)(\"" + KEY + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern XML_ELEMENT = Pattern.compile("(?i)(<(" + KEY + ")>)[^<]*(</\\2>)");
    private static final Pattern ATTRIBUTE = Pattern.compile("(?i)(\\b" + KEY + "\\s*=\\s*)(\"[^\"]*\"|'[^']*')");
    private static final Pattern KEY_VALUE = Pattern.compile("(?im)(\\b" + KEY + "\\s*[=:]\\s*)(?![\"'\\s])([^\\s,;&]+)");
    private static final Pattern URL_PASSWORD = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]+(@)");
    /** Whole PEM blocks (keys, certificates), armour kept so a reader sees what was there; an unterminated one to the end. */
    private static final Pattern PEM = Pattern.compile("(-----BEGIN ([A-Z0-9 ]+)-----)[\\s\\S]*?(-----END \\2-----|\\z)");

    private SecretScrubber() {
    }

    static String scrub(String text) {
        String result = PEM.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK
                + (m.group(3).isEmpty() ? "" : m.group(3))));
        result = JSON.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        result = XML_ELEMENT.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
        result = ATTRIBUTE.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        result = KEY_VALUE.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return URL_PASSWORD.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(2)));
    }
}
