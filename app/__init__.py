"""The composition root: the one place that knows every room.

``create_app()`` puts the JSON API (``api``), the phone app's pages (``pwa``) and
the in-process job loop (``scheduler``) together; none of those imports another's
routes, so each can be read and tested on its own.
"""
