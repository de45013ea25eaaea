"""One record per real-world event across articles: syndicated copies (stories) and event clusters."""
