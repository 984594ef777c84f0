package domain;

/** Why a resume was refused. */
public enum ResumeRefusal {
    UNKNOWN_CONNECTION("the connection is not recorded or has expired; reconnect"),
    NOT_ENTITLED("the token does not entitle this user to that history"),
    UNAVAILABLE("the history or the connection store is unavailable; resume again, or refetch");

    private final String meaning;

    ResumeRefusal(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
