"""Every route of the service, gathered from the modules that each serve one area."""

from __future__ import annotations

from pipeline.service import document_pages, request_pages, signin_pages, upload_pages
from pipeline.service.web import EXCEPTION_HANDLERS

ROUTES = [*signin_pages.ROUTES, *request_pages.ROUTES, *upload_pages.ROUTES, *document_pages.ROUTES]

__all__ = ["EXCEPTION_HANDLERS", "ROUTES"]
