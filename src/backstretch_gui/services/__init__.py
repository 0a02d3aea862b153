"""Qt without widgets: the session driver, sound and voice, MPRIS, the screen-saver
inhibit and the settings. Views (``ui``) use these; these never import a view."""
