import hashlib

from fastapi import FastAPI, UploadFile

app = FastAPI(max_body_size=1024 * 1024)


@app.post("/upload")
async def upload(file: UploadFile):
    content = await file.read()
    return {
        "filename": file.filename,
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }
