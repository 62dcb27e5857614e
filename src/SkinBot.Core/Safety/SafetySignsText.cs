namespace SkinBot.Core.Safety;

/// <summary>
/// A file of extra signs for safety.yml's tiers (safety-languages.yml: the same risks said in other languages), as
/// read: tier id to signs, each written exactly as a safety.yml sign.
/// </summary>
/// <param name="Yaml">The file's text.</param>
/// <param name="SourceName">The file's name, for error messages.</param>
public sealed record SafetySignsText(string Yaml, string SourceName);
