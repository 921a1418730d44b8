package dev.sextant.identity.internal;

import dev.sextant.SextantApplication;
import java.io.PrintStream;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On the first start (no account at all), creates the administrator {@code admin} with a random
 * one-time password and prints it once to the console: deliberately not through the logger, so it
 * never reaches a log file or log shipper. The first sign-in must set a new password.
 */
@Component
@ConditionalOnProperty(name = SextantApplication.COMMAND, havingValue = "serve", matchIfMissing = true)
class FirstAdminBootstrap implements InitializingBean {

    static final String USERNAME = "admin";

    private final AccountRepository accounts;
    private final AccountService service;
    private final PrintStream console;

    @Autowired
    FirstAdminBootstrap(AccountRepository accounts, AccountService service) {
        this(accounts, service, System.out);
    }

    FirstAdminBootstrap(AccountRepository accounts, AccountService service, PrintStream console) {
        this.accounts = accounts;
        this.service = service;
        this.console = console;
    }

    @Override
    public void afterPropertiesSet() {
        if (accounts.count() > 0) {
            return;
        }
        String password = OneTimePasswords.generate();
        service.createFirstAdmin(USERNAME, password);
        console.println("""

                ===========================================================================
                 Sextant created the first administrator account.
                   username: %s
                   one-time password: %s
                 Sign in with POST /api/v1/auth/login and set a new password at once
                 (POST /api/v1/me/password). This password is shown only this once.
                ===========================================================================
                """.formatted(USERNAME, password));
        console.flush();
    }
}
