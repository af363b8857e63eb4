package uz.aqlli.catalog;

/** A user's place in their organization: the manager (the first user) adds the others. */
public enum MemberRole {
    MANAGER,
    MEMBER
}
