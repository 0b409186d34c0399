"""Hardening shared by every room: the Content-Security-Policy (public and admin), login
and password-form throttling (django-axes), spreadsheet-safe CSV exports. The other
security headers and the session policy are plain settings (settings/base.py, "Security").
"""
