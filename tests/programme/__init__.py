"""Core tests of the programme (a package, so that test_access.py here and in tests/ui can
both exist)."""
