"""Coordinator indicators and the annual report (bilan) of each département.

Figures come from registered providers (see `registry` and `providers`); the dashboard, targets,
year comparison and exports work over whatever providers are registered.
"""
