"""One module per extracted thing; cue words live in patterns/."""
