package org.xenfusa.web.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenfusa.model.user.Role;

/** The last enabled ADMIN can be neither demoted nor disabled. */
class UserControllerTest {
    @Test
    void theLastEnabledAdminStays() {
        assertThat(UserController.removesLastAdmin(Role.ADMIN, true, Role.VIEWER, true, 1)).isTrue();
        assertThat(UserController.removesLastAdmin(Role.ADMIN, true, Role.ADMIN, false, 1)).isTrue();
        assertThat(UserController.removesLastAdmin(Role.ADMIN, true, Role.ADMIN, true, 1)).isFalse();
        assertThat(UserController.removesLastAdmin(Role.ADMIN, true, Role.VIEWER, true, 2)).isFalse();
        assertThat(UserController.removesLastAdmin(Role.ENGINEER, true, Role.VIEWER, false, 1)).isFalse();
        assertThat(UserController.removesLastAdmin(Role.ADMIN, false, Role.VIEWER, false, 1)).isFalse();
    }
}
