import itertools

from flask import Flask, request
from marshmallow import Schema, ValidationError, fields, validate

app = Flask(__name__)


class UserSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    email = fields.Email(required=True)
    age = fields.Integer(required=True, validate=validate.Range(min=0))


users: dict[int, dict] = {}
ids = itertools.count(1)


@app.post("/users")
def create_user():
    schema = UserSchema()
    try:
        data = schema.load(request.get_json())
    except ValidationError as error:
        return {"errors": error.messages}, 422
    user = {"id": next(ids), **data}
    users[user["id"]] = user
    return schema.dump(user), 201
