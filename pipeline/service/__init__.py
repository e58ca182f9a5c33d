"""The web service (report.md, "Second edition: the web service"): `dars-evidence serve`.

One module per job: `database` (tables and the schema version), `blobs` (uploads kept whole,
content-addressed), `accounts` (users and argon2 hashes), `guard` (sessions, CSRF, the CSP),
`uploads` (a multipart body read under a size limit), `checking` (a submission checked in the
background by the run), `pages` (the routes, each with a JSON counterpart) and `app` (the assembly).
"""
