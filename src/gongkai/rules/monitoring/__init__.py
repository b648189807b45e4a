"""Website monitoring rules (网站监测): publication dates, column classes, findings, the check
indicator system and its score. Pure Python: no Django, no network, no HTML parser."""
