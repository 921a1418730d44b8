package dev.sextant.platform.internal;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string read from a JSON request body (fields, list items, map keys) must be text a
 * database and a UTF-8 encoder can hold: no NUL and no unpaired surrogate ({@code "\ud800"} is
 * valid JSON but not Unicode text). Without this, such a value fails deep inside a service (a
 * password hash's UTF-8 encoder, PostgreSQL's text type) as a 500, or is stored and poisons every
 * later answer. Spring Boot adds this module to the application's JSON mapper.
 */
@Component
class TextInputModule extends SimpleModule {

    TextInputModule() {
        super("sextant-text-input");
        addDeserializer(String.class, new CheckedStringDeserializer());
        addKeyDeserializer(String.class, new CheckedKeyDeserializer());
    }

    /** Raised for a string that is not text; the problem handler names the field. */
    static final class NotTextException extends MismatchedInputException {
        NotTextException(JsonParser parser) {
            super(parser, "A string holds a NUL character or an unpaired surrogate", String.class);
        }
    }

    static boolean isText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class CheckedStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !isText(value)) {
                throw new NotTextException(parser);
            }
            return value;
        }
    }

    private static final class CheckedKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (key != null && !isText(key)) {
                throw new NotTextException(context.getParser());
            }
            return key;
        }
    }
}
