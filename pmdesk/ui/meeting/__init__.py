"""Meeting mode: the audience view for the projector and the facilitator console."""
