"""One app per framework, each answering the four scenarios on the same four routes."""
