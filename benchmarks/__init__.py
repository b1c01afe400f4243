"""Speed benchmarks for reconcile, run by hand (`python -m benchmarks.NAME`); not part of the tests."""
