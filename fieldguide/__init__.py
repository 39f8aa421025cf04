"""Build-time code for the Field Guide: data models, loader, checks, rendering and CLI."""
