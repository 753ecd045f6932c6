"""Article and briefing content as HTML (no Qt): escaped text, styles from resources/."""
