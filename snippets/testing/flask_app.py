from flask import Flask, current_app, request

app = Flask(__name__)
app.config["GREETING"] = "Hello"


@app.get("/hello")
def hello():
    name = request.args.get("name", "world")
    return {"message": f"{current_app.config['GREETING']}, {name}!"}


@app.post("/reverse")
def reverse():
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return {"error": "send a JSON object with a text field"}, 400
    return {"text": data["text"][::-1]}
