package dev.sextant.identity;

import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.util.Set;

/** Creating and removing accounts, for administrators and start-up tasks. */
public interface AccountAdministration {

    /**
     * Creates an account after checking the password policy.
     *
     * @param mustChangePassword whether the first login must set a new password before anything else
     * @throws dev.sextant.platform.ApiProblem when the username is taken or the password is weak
     */
    UserId createAccount(String username, String email, String password, Set<Role> roles, boolean mustChangePassword);

    /** Deletes the account; its tokens stop working at once. */
    void deleteAccount(UserId id);
}
