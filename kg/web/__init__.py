"""Web assets of kg: page templates, scripts and styles inlined into the HTML views."""
