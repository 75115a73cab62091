"""Benchmarks for Defection Desk: see bench/README.md. Results land in bench/RESULTS.md."""
