// lagebild story page behaviour (filled in with the story page).
