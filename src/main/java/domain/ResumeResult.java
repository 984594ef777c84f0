package domain;

/** The answer to a resume request, sent after every replayed event. */
public sealed interface ResumeResult {

    /**
     * The replay is over.
     *
     * @param complete false when something may be missing (the gap is older than the retention window, longer than the
     *                 cap, from a position Herald never issued, or a replayed event could not be pushed): the client
     *                 must refetch the application's state
     * @param replayed how many events were pushed again, oldest first
     * @param position where the client resumes from next time if it receives nothing newer: everything before it
     *                 has been replayed, or is pushed to this connection live
     */
    record Resumed(Target target, boolean complete, int replayed, Position position) implements ResumeResult {
    }

    /** {@code target} is null when the caller asked for its own user and its record could not be read. */
    record Refused(Target target, ResumeRefusal reason) implements ResumeResult {
    }
}
