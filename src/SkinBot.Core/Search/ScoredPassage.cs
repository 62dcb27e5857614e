using SkinBot.Core.Corpus;

namespace SkinBot.Core.Search;

public readonly record struct ScoredPassage(Passage Passage, double Score);
