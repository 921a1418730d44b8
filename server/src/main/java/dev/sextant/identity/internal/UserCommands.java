package dev.sextant.identity.internal;

import dev.sextant.platform.CommandLine;
import dev.sextant.platform.OneShotCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ./sextant user create-admin | reset-password | reset-2fa <username>}. One-time passwords
 * go to the command's own standard output: the operator's terminal, never the server's log.
 */
@Configuration(proxyBeanMethods = false)
class UserCommands {

    @Bean
    OneShotCommand userCreateAdmin(OperatorAccounts operator) {
        return new UserCommand(
                "user-create-admin",
                username -> "administrator '" + username
                        + "' created; one-time password: " + operator.createAdmin(username)
                        + "\nSign in with it, set a new password at once, then turn on two-factor sign-in.");
    }

    @Bean
    OneShotCommand userResetPassword(OperatorAccounts operator) {
        return new UserCommand(
                "user-reset-password",
                username -> "password of '" + username
                        + "' reset; one-time password: " + operator.resetPassword(username)
                        + "\nEvery session of the account ended; the next sign-in must set a new password.");
    }

    @Bean
    OneShotCommand userResetTwoFactor(OperatorAccounts operator) {
        return new UserCommand("user-reset-2fa", username -> {
            operator.resetTwoFactor(username);
            return "two-factor sign-in of '" + username
                    + "' turned off, its recovery codes removed and every session ended.";
        });
    }

    /** A command on one account, named by its one argument; {@code action} answers what to print. */
    private static final class UserCommand extends OneShotCommand {
        private final String name;
        private final Function<String, String> action;

        UserCommand(String name, Function<String, String> action) {
            this.name = name;
            this.action = action;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public String usage() {
            return "<username>";
        }

        @Override
        public int execute(List<String> arguments, PrintStream out) {
            out.println(action.apply(arguments.getFirst()));
            return CommandLine.Exit.OK.code();
        }
    }
}
