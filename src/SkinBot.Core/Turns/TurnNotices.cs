using SkinBot.Core.Answers;
using SkinBot.Core.Domain;
using SkinBot.Core.Safety;

namespace SkinBot.Core.Turns;

/// <summary>The words SkinBot shows when the pipeline, not the engine, answers a turn from Core.</summary>
public static class TurnNotices
{
    /// <summary>Before the first index is loaded. Nothing screened the message, so it says where help is.</summary>
    public static readonly Answer NotReady = new()
    {
        Intent = TurnOutcomeNames.NotReady,
        Confidence = 0,
        Headline = "I'm still loading my articles",
        Message = "Please ask again in a few seconds. " + SafetyNet.Text,
        CorpusVersion = "none",
        LowConfidence = true,
    };
}
