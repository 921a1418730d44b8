package dev.sextant.web;

import java.util.List;

/** The paths the web app answers without sign-in: its pages and assets, which carry no data. */
public final class WebApp {

    /** The prefix of every static asset (scripts, styles, icons, vendored libraries). */
    public static final String ASSETS = "/assets/";

    /**
     * The app's own routes, each answering the same page (the app routes in the browser), and its
     * assets. {@code /} is the app for a browser and the JSON welcome for an API client.
     */
    public static final List<String> PUBLIC_PATHS = List.of(
            "/favicon.ico",
            ASSETS + "**",
            "/sign-in",
            "/register",
            "/markets",
            "/markets/**",
            "/watchlists",
            "/watchlists/**",
            "/alerts",
            "/alerts/**",
            "/query",
            "/imports",
            "/account",
            "/account/**",
            "/admin",
            "/admin/**");

    private WebApp() {}
}
