package uz.aqlli.catalog;

import java.util.Locale;

/** A user to be created: the e-mail is also the login name. The password goes to Keycloak only. */
public record Person(String firstName, String lastName, String email, String password) {

    public Person {
        firstName = firstName.strip();
        lastName = lastName.strip();
        email = email.strip().toLowerCase(Locale.ROOT);
    }
}
