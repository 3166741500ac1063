"""Binôme curriculum: lesson packs, checking, progress."""
