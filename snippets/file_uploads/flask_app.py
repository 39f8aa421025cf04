import hashlib

from flask import Flask, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024


@app.post("/upload")
def upload():
    file = request.files["file"]
    content = file.read()
    return {
        "filename": file.filename,
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }
