package uz.aqlli.catalog.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uz.aqlli.catalog.Person;

/**
 * A further user the manager adds, with the password the manager gives them (the first user of a
 * registration chooses theirs on confirmation). The organization and role come from the path and
 * the caller, never from here.
 */
public record NewMemberRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(min = 10, max = 128) String password) {

    Person person() {
        return new Person(firstName, lastName, email, password);
    }
}
