"""Fan-out: many ids, one outcome each, bounded concurrency and flat memory."""
