package dev.sextant.identity.internal;

import java.util.List;
import java.util.UUID;

/**
 * The answer's account of what a credential reset did to the API keys: the ids revoked, the ids
 * kept, and a sentence saying so.
 */
record ApiKeyFate(List<String> revoked, List<String> kept, String summary) {

    static ApiKeyFate of(ApiKeys.Settlement settlement) {
        List<String> revoked = ids(settlement.revoked());
        List<String> kept = ids(settlement.kept());
        String summary;
        if (!kept.isEmpty()) {
            summary = kept.size() + " API key(s) kept, as asked: they still work.";
        } else if (!revoked.isEmpty()) {
            summary = revoked.size() + " API key(s) revoked; create new ones if you need them.";
        } else {
            summary = "The account had no live API keys.";
        }
        return new ApiKeyFate(revoked, kept, summary);
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}
