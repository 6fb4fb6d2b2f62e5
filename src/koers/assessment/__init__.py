"""Progress assessment of policy indicators (pure Python; see methods.py)."""
