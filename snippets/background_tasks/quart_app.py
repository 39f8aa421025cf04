import time

from quart import Quart, abort, request

app = Quart(__name__)
outbox: list[str] = []


def send_welcome_email(email):
    time.sleep(0.5)
    outbox.append(f"Welcome email sent to {email}")


@app.post("/signups")
async def signup():
    data = await request.get_json()
    if not isinstance(data, dict) or "email" not in data:
        abort(400, description="a JSON object with an email is required")
    email = data["email"]
    app.add_background_task(send_welcome_email, email)
    return {"email": email}, 202
