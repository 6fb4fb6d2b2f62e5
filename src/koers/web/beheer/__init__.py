"""The editors' area (/beheer/): sign-in, my tasks, reporting rounds, edit forms, audit.

Views are thin: they check access (`access.editor_view`), ask the policy what
the person may do, and call the services of `koers.rounds`, `koers.accounts`
and the agenda's models' own validation. No page here is cached.
"""
