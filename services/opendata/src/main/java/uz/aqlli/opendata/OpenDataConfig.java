package uz.aqlli.opendata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** What the open data says about itself: whose it is, under which license and policy, and how its ids are made. */
@ConfigMapping(prefix = "aqlli.opendata")
public interface OpenDataConfig {

    /** Put before each service request's id to make its ocid: the publisher's registered prefix and the platform's suffix. */
    String ocidPrefix();

    Publisher publisher();

    /** The license every package is published under. */
    @WithDefault("https://creativecommons.org/licenses/by/4.0/")
    String license();

    /** Where the publication policy is read; absent: the service's own copy of docs/open-data.md. */
    Optional<String> publicationPolicy();

    /** The organization identifier scheme of a party's STIR (docs/decisions.md, "Open data"). */
    @WithDefault("UZ-STIR")
    String identifierScheme();

    /** Releases per page of the list by date, unless the caller asks for fewer. */
    @WithDefault("100")
    int pageSize();

    interface Publisher {

        String name();

        /** The publisher's own STIR, with {@link #identifierScheme()}; absent: the publisher is named only. */
        Optional<String> uid();

        Optional<String> uri();
    }
}
