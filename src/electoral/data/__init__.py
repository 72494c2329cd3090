"""Packaged data: compact CSV files built by ``scripts/build_data.py`` and their loaders."""
