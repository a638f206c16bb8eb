"""A local stand-in for KRA's OSCU API and a shop's VSCU service (practice mode, tests, benchmarks)."""
