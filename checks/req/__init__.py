"""REQ: the data request."""

from checks.req.req_001_invalid_request import InvalidRequest
from checks.req.req_002_no_request import NoDataRequest

CHECKS = (InvalidRequest, NoDataRequest)
