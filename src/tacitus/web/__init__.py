"""The web workspace: server-rendered pages (templates/), small JS and CSS (static/), all served locally."""
