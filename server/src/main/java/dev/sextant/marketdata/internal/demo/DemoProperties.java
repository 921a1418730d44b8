package dev.sextant.marketdata.internal.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo market ({@code SEXTANT_DEMO_ENABLED}).
 *
 * @param enabled whether the demo market serves its synthetic instruments; switched off, their
 *     symbols are left to the real providers (start-up never deletes catalog rows)
 */
@ConfigurationProperties("sextant.demo")
record DemoProperties(@DefaultValue("true") boolean enabled) {}
