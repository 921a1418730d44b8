package dev.sextant.identity.internal;

import dev.sextant.platform.CommandLine;
import dev.sextant.platform.OneShotCommand;
import java.io.PrintStream;
import java.util.List;
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
        return new UserCommand("user-create-admin") {
            @Override
            public int execute(List<String> arguments, PrintStream out) {
                String password = operator.createAdmin(arguments.getFirst());
                out.println("administrator '" + arguments.getFirst() + "' created; one-time password: " + password);
                out.println("Sign in with it, set a new password at once, then turn on two-factor sign-in.");
                return CommandLine.Exit.OK.code();
            }
        };
    }

    @Bean
    OneShotCommand userResetPassword(OperatorAccounts operator) {
        return new UserCommand("user-reset-password") {
            @Override
            public int execute(List<String> arguments, PrintStream out) {
                String password = operator.resetPassword(arguments.getFirst());
                out.println("password of '" + arguments.getFirst() + "' reset; one-time password: " + password);
                out.println("Every session of the account ended; the next sign-in must set a new password.");
                return CommandLine.Exit.OK.code();
            }
        };
    }

    @Bean
    OneShotCommand userResetTwoFactor(OperatorAccounts operator) {
        return new UserCommand("user-reset-2fa") {
            @Override
            public int execute(List<String> arguments, PrintStream out) {
                operator.resetTwoFactor(arguments.getFirst());
                out.println("two-factor sign-in of '" + arguments.getFirst()
                        + "' turned off, its recovery codes removed and every session ended.");
                return CommandLine.Exit.OK.code();
            }
        };
    }

    private abstract static class UserCommand extends OneShotCommand {
        private final String name;

        UserCommand(String name) {
            this.name = name;
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
    }
}
