import os
import time

from flask import Flask, abort, request
from redis import Redis
from rq import Queue
from rq.exceptions import NoSuchJobError
from rq.job import Job

app = Flask(__name__)
redis = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
queue = Queue(connection=redis)


def send_welcome_email(email):
    time.sleep(0.5)
    return f"Welcome email sent to {email}"


@app.post("/signups")
def signup():
    data = request.get_json()
    if not isinstance(data, dict) or "email" not in data:
        abort(400, description="a JSON object with an email is required")
    job = queue.enqueue(send_welcome_email, data["email"])
    return {"job": job.id, "status": job.get_status()}, 202


@app.get("/jobs/<job_id>")
def job_status(job_id):
    try:
        job = Job.fetch(job_id, connection=redis)
    except NoSuchJobError:
        abort(404, description="Job not found")
    return {"status": job.get_status(), "result": job.return_value()}
