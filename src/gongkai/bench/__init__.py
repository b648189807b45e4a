"""Benchmarks: ``python -m gongkai.bench NAME --json`` prints one JSON object per benchmark, with
the peers measured in the same run (CONTRACTS.md section 5). Benchmarks are not tests."""
