namespace SkinBot.Core.CorpusChecks;

/// <summary>How bad a finding is: an error fails <c>skinbot corpus check</c>; a warning is printed and tolerated.</summary>
public enum FindingSeverity
{
    Warning,
    Error,
}

/// <summary>One thing wrong with the corpus, named by file and line so an editor can go straight to it.</summary>
/// <param name="Rule">Short stable name of the check ("passage-source", "duplicate-section-id").</param>
/// <param name="Line">1-based line in <paramref name="File"/>, or 0 when the finding is about the whole file.</param>
public sealed record CorpusFinding(FindingSeverity Severity, string Rule, string File, int Line, string Message)
{
    public static CorpusFinding Error(string rule, string file, int line, string message) => new(FindingSeverity.Error, rule, file, line, message);

    public static CorpusFinding Warning(string rule, string file, int line, string message) => new(FindingSeverity.Warning, rule, file, line, message);

    /// <summary>"corpus/articles/x.md:12: error [passage-source] …", the shape compilers use so editors can jump to it.</summary>
    public override string ToString() =>
        $"{File}{(Line > 0 ? $":{Line}" : string.Empty)}: {(Severity == FindingSeverity.Error ? "error" : "warning")} [{Rule}] {Message}";
}
