"""Turn articles into dated Syria–Russia contact events."""
