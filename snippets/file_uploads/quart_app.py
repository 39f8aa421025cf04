import hashlib

from quart import Quart, request

app = Quart(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024


@app.post("/upload")
async def upload():
    file = (await request.files)["file"]
    content = file.read()
    return {
        "filename": file.filename,
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }
