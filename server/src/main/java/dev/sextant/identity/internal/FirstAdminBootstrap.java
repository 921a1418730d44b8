package dev.sextant.identity.internal;

import dev.sextant.SextantApplication;
import java.io.PrintStream;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On the first start (no account at all), creates the administrator {@code admin} with a random
 * one-time password, writes it to an owner-only file in the data directory and names that file on
 * the console: the password itself is never printed, since standard output is where log collectors
 * read. The first sign-in must set a new password, which removes the file.
 */
@Component
@ConditionalOnProperty(name = SextantApplication.COMMAND, havingValue = "serve", matchIfMissing = true)
class FirstAdminBootstrap implements InitializingBean {

    static final String USERNAME = "admin";

    private final AccountRepository accounts;
    private final AccountService service;
    private final FirstAdminPasswordFile passwordFile;
    private final PrintStream console;

    @Autowired
    FirstAdminBootstrap(AccountRepository accounts, AccountService service, FirstAdminPasswordFile passwordFile) {
        this(accounts, service, passwordFile, System.out);
    }

    FirstAdminBootstrap(
            AccountRepository accounts,
            AccountService service,
            FirstAdminPasswordFile passwordFile,
            PrintStream console) {
        this.accounts = accounts;
        this.service = service;
        this.passwordFile = passwordFile;
        this.console = console;
    }

    @Override
    public void afterPropertiesSet() {
        if (accounts.count() > 0) {
            // A file left from before whose password was changed meanwhile holds nothing valid.
            if (accounts.findByUsername(USERNAME)
                    .map(admin -> !admin.mustChangePassword())
                    .orElse(true)) {
                passwordFile.discardFor(USERNAME);
            }
            return;
        }
        String password = OneTimePasswords.generate();
        service.createFirstAdmin(USERNAME, password);
        console.println("""

                ===========================================================================
                 Sextant created the first administrator account '%s'.
                 Its one-time password is in %s
                 (readable by you only; removed when you change the password).
                 Sign in with POST /api/v1/auth/login and set a new password at once
                 (POST /api/v1/me/password).
                ===========================================================================
                """.formatted(USERNAME, passwordFile.write(USERNAME, password)));
        console.flush();
    }
}
