package dev.sextant.identity.internal;

import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.identity.SessionOnly;
import dev.sextant.platform.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own settings: region and privacy choices. Always the caller's own: no path
 * or parameter names another account. Set from a signed-in session only, never with an API key.
 */
@RestController
@RequestMapping(path = "/api/v1/me/preferences", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Account")
@PreAuthorize("hasRole('USER')")
@SessionOnly
class PreferenceController {

    static final List<String> REGIONS =
            Arrays.stream(PreferenceRepository.Region.values()).map(Enum::name).toList();

    /**
     * @param region one of US, EU, UK, JP, CA, AU, SG, CH, OTHER
     * @param keepQueryHistory whether the web app keeps the queries run in this user's browser
     * @param shareUsageMetrics whether the user agrees to share anonymous usage metrics with the
     *     server's operator (off unless the user turns it on)
     * @param updatedAt when they were last saved; null for the defaults of an account that never saved any
     */
    record PreferencesView(
            String region,
            boolean keepQueryHistory,
            boolean shareUsageMetrics,
            Instant updatedAt,
            List<String> regions) {
        static PreferencesView of(PreferenceRepository.Preferences p) {
            return new PreferencesView(
                    p.region().name(), p.keepQueryHistory(), p.shareUsageMetrics(), p.updatedAt(), REGIONS);
        }
    }

    record PreferencesChange(
            @NotBlank @Size(max = 8) String region,
            @NotNull Boolean keepQueryHistory,
            @NotNull Boolean shareUsageMetrics) {}

    private final PreferenceRepository preferences;
    private final Clock clock;

    PreferenceController(PreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Your preferences (region, privacy), or the defaults when you never saved any")
    PreferencesView get(@AuthenticationPrincipal AuthenticatedUser user) {
        return PreferencesView.of(preferences.find(user.id()).orElse(PreferenceRepository.Preferences.DEFAULTS));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace your preferences; answers them as stored")
    PreferencesView put(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody PreferencesChange change) {
        PreferenceRepository.Region region = parse(change.region());
        PreferenceRepository.Preferences saved = new PreferenceRepository.Preferences(
                region, change.keepQueryHistory(), change.shareUsageMetrics(), clock.instant());
        preferences.save(user.id(), saved);
        return PreferencesView.of(saved);
    }

    private static PreferenceRepository.Region parse(String region) {
        try {
            return PreferenceRepository.Region.valueOf(region.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ApiProblem.invalidParameter(
                    "region", "Unknown region '" + region + "'; use one of " + String.join(", ", REGIONS) + ".");
        }
    }
}
