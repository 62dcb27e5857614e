namespace SkinBot.Core.Scope;

/// <summary>An out-of-scope subject a message is about, and the words that said so (for the reply and --explain).</summary>
public sealed record ScopeVerdict(ScopeTopic Topic, string MatchedWords);
