"""Reading digests: decode bytes, split into article blocks, parse each block."""
