"""The Qt layer: windows, widgets and the adapter that drives a session."""
