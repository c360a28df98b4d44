"""The desktop interface: Qt widgets, models and dialogs over the services layer."""
