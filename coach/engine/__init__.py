"""The coaching engine: phases kept by code, a guided offline coach and a model-backed coach."""
