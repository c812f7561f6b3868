"""Tasks and bodies the statement's rules make valid or invalid: for the document's schemas and for the server."""
VALID_TASK = {"id": 7, "project": "apollo", "title": "Fuel the rocket", "priority": "high", "done": False}
VALID_CREATES = [{"project": "apollo", "title": "Fuel the rocket"},
                 {"project": "apollo", "title": "x" * 200, "priority": "low"}]
INVALID_CREATES = [{"project": "apollo"}, {"title": "Fuel the rocket"}, {"project": "", "title": "Fuel"},
                   {"project": "p" * 41, "title": "Fuel"}, {"project": "apollo", "title": ""},
                   {"project": "apollo", "title": "x" * 201}, {"project": "apollo", "title": 5},
                   {"project": "apollo", "title": "Fuel", "priority": "urgent"},
                   {"project": "apollo", "title": "Fuel", "done": True}, {"project": 7, "title": "Fuel"}]
VALID_PATCHES = [{"done": True}, {"title": "Refuel", "priority": "low"}]
INVALID_PATCHES = [{}, {"project": "gemini"}, {"id": 9}, {"title": ""}, {"title": None}, {"done": "yes"},
                   {"priority": "urgent"}]
