"""Widgets only: the window, the picker, the step view, the summary and the settings' form.
They listen to services and send them commands."""
