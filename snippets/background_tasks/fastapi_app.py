import time

from fastapi import BackgroundTasks, FastAPI
from pydantic import BaseModel

app = FastAPI()
outbox: list[str] = []


class SignUp(BaseModel):
    email: str


def send_welcome_email(email):
    time.sleep(0.5)
    outbox.append(f"Welcome email sent to {email}")


@app.post("/signups", status_code=202)
def signup(sign_up: SignUp, background_tasks: BackgroundTasks):
    background_tasks.add_task(send_welcome_email, sign_up.email)
    return {"email": sign_up.email}
