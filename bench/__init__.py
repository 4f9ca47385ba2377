"""Benchmark scripts: synthetic corpus, build throughput, incremental builds, dashboard scale."""
