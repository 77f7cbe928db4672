"""Normalising: one string every evidence span points into, and whether it reads as Vietnamese."""
