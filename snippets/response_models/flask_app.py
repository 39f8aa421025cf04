import itertools
from datetime import UTC, datetime

from flask import Flask, abort, request
from marshmallow import Schema, ValidationError, fields, validate
from werkzeug.security import generate_password_hash

app = Flask(__name__)


class UserSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    email = fields.Email(required=True)
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=12))
    created_at = fields.AwareDateTime(dump_only=True)


user_schema = UserSchema()
users: dict[int, dict] = {}
ids = itertools.count(1)


@app.post("/users")
def create_user():
    try:
        data = user_schema.load(request.get_json())
    except ValidationError as error:
        return {"errors": error.messages}, 422
    user = {
        "id": next(ids),
        "name": data["name"],
        "email": data["email"],
        "created_at": datetime.now(UTC),
        "password_hash": generate_password_hash(data["password"]),
    }
    users[user["id"]] = user
    return user_schema.dump(user), 201


@app.get("/users/<int:user_id>")
def read_user(user_id: int):
    if user_id not in users:
        abort(404, description="User not found")
    return user_schema.dump(users[user_id])
