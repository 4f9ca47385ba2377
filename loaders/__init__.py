"""Read article files in the formats people have and normalise each into an `Article`."""
