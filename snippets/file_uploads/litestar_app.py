import hashlib
from dataclasses import dataclass

from litestar import Litestar, post
from litestar.datastructures import UploadFile
from litestar.params import MultipartBody


@dataclass
class Upload:
    file: UploadFile


@post("/upload", status_code=200)
async def upload(data: MultipartBody[Upload]) -> dict[str, str | int]:
    content = await data.file.read()
    return {
        "filename": data.file.filename,
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }


app = Litestar(route_handlers=[upload], request_max_body_size=1024 * 1024)
