"""Advocacy outputs: open letters and briefings that cite Kirok's records,
coalition sign-on, government positions, and the letter as HTML, Word and
Markdown."""
