"""The Textual front end: a thin layer over the same sessions plain mode drives."""
