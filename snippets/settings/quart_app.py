import secrets

from quart import Quart

app = Quart(__name__)
app.config.from_mapping(
    NAME="Field Guide",
    PAGE_SIZE=20,
    SIGNUP_OPEN=False,
    SECRET_KEY=secrets.token_urlsafe(32),
)
app.config.from_prefixed_env(prefix="APP")


@app.get("/config")
async def config():
    return {
        "name": app.config["NAME"],
        "page_size": app.config["PAGE_SIZE"],
        "signup_open": app.config["SIGNUP_OPEN"],
    }
