"""Every route of the service, gathered from the modules that each serve one area."""

from __future__ import annotations

from pipeline.service import acceptance_pages, document_pages, request_pages, signin_pages, upload_pages
from pipeline.service.web import EXCEPTION_HANDLERS as SHARED_HANDLERS

ROUTES = [
    *signin_pages.ROUTES,
    *request_pages.ROUTES,
    *upload_pages.ROUTES,
    *acceptance_pages.ROUTES,
    *document_pages.ROUTES,
]
EXCEPTION_HANDLERS = {**SHARED_HANDLERS, **acceptance_pages.EXCEPTION_HANDLERS}

__all__ = ["EXCEPTION_HANDLERS", "ROUTES"]
