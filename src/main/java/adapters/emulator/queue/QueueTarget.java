package adapters.emulator.queue;

/** The queue an event source polls: its URL for the API, its ARN for the events. */
record QueueTarget(String url, String arn) {
}
