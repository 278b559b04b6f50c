"""The speed layer (see the README)."""
