package dev.sextant.marketdata.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo market ({@code SEXTANT_DEMO_ENABLED}).
 *
 * @param enabled whether start-up adds the demo instruments to the catalog (it never removes them)
 */
@ConfigurationProperties("sextant.demo")
record DemoProperties(@DefaultValue("true") boolean enabled) {}
