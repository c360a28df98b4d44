"""Widgets that make up the main window: case list, case details, empty state."""
