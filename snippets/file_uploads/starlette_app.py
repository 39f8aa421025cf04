import hashlib

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def upload(request: Request) -> JSONResponse:
    async with request.form() as form:
        file = form.get("file")
        if not isinstance(file, UploadFile):
            return JSONResponse({"detail": "Send one file in the file field."}, status_code=400)
        content = await file.read()
    return JSONResponse(
        {
            "filename": file.filename,
            "size": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
        }
    )


app = Starlette(
    routes=[Route("/upload", upload, methods=["POST"], max_body_size=1024 * 1024)],
)
