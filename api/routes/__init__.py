"""JSON routers. Each stays thin: validate, call one ``core`` function, shape the answer."""
