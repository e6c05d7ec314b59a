"""Benchmarks (figures printed, never timed tests)."""
