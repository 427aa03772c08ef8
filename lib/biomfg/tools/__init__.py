"""Publishing tools: execute notebooks, export HTML, build reports and PDFs, serve live briefings,
validate data/, time things. They sit on top of the library; no lesson imports them."""
