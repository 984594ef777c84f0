package adapters.bench;

/** The gateway's memory at one moment of a run, read without forcing a GC; -1 where it could not say. */
record FootprintSample(double seconds, long heapAfterLastGcBytes, long rssBytes) {
}
