"""Dialogs: letter editor, mark as sent, settings, import summary."""
